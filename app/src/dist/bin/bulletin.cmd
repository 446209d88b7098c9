@echo off
rem bulletin: the launcher of the release archive for Windows. Needs Java 17 or newer, found through JAVA_HOME
rem or the PATH; never Maven. BULLETIN_JAVA_OPTS adds JVM options, BULLETIN_CDS=0 runs without the class-data
rem archive. Every argument goes to the program unchanged (%*).
rem
rem cmd reads each line of a batch file in the console's code page of the moment: the lines before "chcp 65001"
rem are ASCII, the Chinese messages after it are UTF-8 (this file is UTF-8 without a BOM, CRLF line endings).
rem No parenthesised blocks: a ")" in a path or a message would end them early.
setlocal EnableExtensions DisableDelayedExpansion

rem The console's code page ("Active code page: 936"), put back at the end; UTF-8 while the program runs.
set "BULLETIN_OLDCP="
for /f "tokens=*" %%a in ('chcp') do for %%b in (%%a) do set "BULLETIN_OLDCP=%%b"
if defined BULLETIN_OLDCP set "BULLETIN_OLDCP=%BULLETIN_OLDCP:.=%"
chcp 65001 >nul

set "BULLETIN_HOME=%~dp0.."
for %%i in ("%BULLETIN_HOME%") do set "BULLETIN_HOME=%%~fi"
set "BULLETIN_JAR=%BULLETIN_HOME%\lib\bulletin.jar"
set "BULLETIN_SAMPLE=%BULLETIN_HOME%\samples\miluo-2026"

rem Java: JAVA_HOME first, then the PATH.
set "BULLETIN_JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "BULLETIN_JAVA=%JAVA_HOME%\bin\java.exe"
if not defined BULLETIN_JAVA for %%j in (java.exe) do set "BULLETIN_JAVA=%%~$PATH:j"
if not defined BULLETIN_JAVA goto :no_java

rem The parallel collector, unless BULLETIN_JAVA_OPTS chooses another (-XX:+UseSerialGC, -XX:+UseG1GC ...):
rem Java refuses two.
set "BULLETIN_GC=-XX:+UseParallelGC"
if not defined BULLETIN_JAVA_OPTS goto :gc_chosen
echo(%BULLETIN_JAVA_OPTS%| findstr /r /c:"-XX:+Use[A-Za-z0-9]*GC\>" >nul
if not errorlevel 1 set "BULLETIN_GC="
:gc_chosen

rem JVM options as the development launcher's: the quick JIT tier, the collector, a small young heap;
rem JVM warnings on stderr.
set "BULLETIN_OPTS=-Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -XX:TieredStopAtLevel=1 %BULLETIN_GC% -XX:GCTimeRatio=9 -XX:InitialRAMPercentage=0.8 -XX:NewRatio=7 -XX:MaxTenuringThreshold=0 -Dsun.reflect.inflationThreshold=1000000 -Xlog:disable -Xlog:all=warning:stderr"
set "BULLETIN_CDS_OPTS="

rem The class-data archive lives in %LOCALAPPDATA%\bulletin\<install folder>\, named after the jar and the java
rem (time and size): a new jar or a new Java makes a new one. Where it cannot be written, the program runs
rem without it.
set "BULLETIN_CACHE="
if "%BULLETIN_CDS%"=="0" goto :check_java
if not defined LOCALAPPDATA goto :check_java
set "BULLETIN_KEY=%BULLETIN_HOME%"
set "BULLETIN_KEY=%BULLETIN_KEY::=%"
set "BULLETIN_KEY=%BULLETIN_KEY:\=_%"
set "BULLETIN_KEY=%BULLETIN_KEY: =_%"
set "BULLETIN_KEY=%BULLETIN_KEY:&=_%"
for %%f in ("%BULLETIN_JAR%") do set "BULLETIN_STAMP=%%~tf_%%~zf"
for %%f in ("%BULLETIN_JAVA%") do set "BULLETIN_STAMP=%BULLETIN_STAMP%_%%~tf_%%~zf"
set "BULLETIN_STAMP=%BULLETIN_STAMP::=%"
set "BULLETIN_STAMP=%BULLETIN_STAMP:/=-%"
set "BULLETIN_STAMP=%BULLETIN_STAMP: =_%"
set "BULLETIN_CACHE=%LOCALAPPDATA%\bulletin\%BULLETIN_KEY%"
set "BULLETIN_JSA=%BULLETIN_CACHE%\%BULLETIN_STAMP%.jsa"
set "BULLETIN_LOG=%BULLETIN_CACHE%\warmup.log"
rem An archive made with this java: it passed the version check then.
if exist "%BULLETIN_JSA%" goto :cds_on

:check_java
rem 'openjdk version "17.0.15" 2025-04-15', 'java version "1.8.0_392"': the number before the first dot.
set "BULLETIN_TMP=%TEMP%\bulletin-java-%RANDOM%%RANDOM%.txt"
"%BULLETIN_JAVA%" -version 2>"%BULLETIN_TMP%"
set "BULLETIN_JAVA_VERSION="
for /f "usebackq tokens=1-3" %%a in ("%BULLETIN_TMP%") do if "%%b"=="version" if not defined BULLETIN_JAVA_VERSION set "BULLETIN_JAVA_VERSION=%%~c"
del "%BULLETIN_TMP%" >nul 2>&1
if not defined BULLETIN_JAVA_VERSION goto :no_version
set "BULLETIN_JAVA_MAJOR="
for /f "tokens=1 delims=.-+_" %%v in ("%BULLETIN_JAVA_VERSION%") do set "BULLETIN_JAVA_MAJOR=%%v"
set /a BULLETIN_JAVA_MAJOR=BULLETIN_JAVA_MAJOR+0 >nul 2>&1
if %BULLETIN_JAVA_MAJOR% LSS 17 goto :old_java

if not defined BULLETIN_CACHE goto :run
if not exist "%BULLETIN_CACHE%\" mkdir "%BULLETIN_CACHE%" >nul 2>&1
if not exist "%BULLETIN_CACHE%\" goto :run
if exist "%BULLETIN_CACHE%\%BULLETIN_STAMP%.failed" goto :cds_failed_before
if not exist "%BULLETIN_SAMPLE%\targets\" goto :no_sample

rem The training run: every command once on a copy of the samples, the classes it loads written to the archive.
del /q "%BULLETIN_CACHE%\*.jsa" "%BULLETIN_CACHE%\*.tmp" "%BULLETIN_CACHE%\*.failed" "%BULLETIN_CACHE%\*.nosample" >nul 2>&1
echo 正在为快速启动做准备（安装后或更换 Java 后一次，约需十几秒）… 1>&2
"%BULLETIN_JAVA%" %BULLETIN_OPTS% "-XX:ArchiveClassesAtExit=%BULLETIN_CACHE%\%BULLETIN_STAMP%.tmp" -cp "%BULLETIN_JAR%" bulletin.cli.Warmup "%BULLETIN_SAMPLE%" >"%BULLETIN_LOG%" 2>&1
if errorlevel 1 goto :cds_failed
if not exist "%BULLETIN_CACHE%\%BULLETIN_STAMP%.tmp" goto :cds_failed
move /y "%BULLETIN_CACHE%\%BULLETIN_STAMP%.tmp" "%BULLETIN_JSA%" >nul 2>&1
if not exist "%BULLETIN_JSA%" goto :cds_failed

:cds_on
set BULLETIN_CDS_OPTS="-XX:SharedArchiveFile=%BULLETIN_JSA%" -Xshare:auto

:run
rem A JVM that cannot start with the options of BULLETIN_JAVA_OPTS exits with 1, the code for wrong workbooks:
rem the options are tried first (only when set), and a failure is exit 2, a usage error.
if not defined BULLETIN_JAVA_OPTS goto :start
"%BULLETIN_JAVA%" %BULLETIN_OPTS% %BULLETIN_JAVA_OPTS% -version >nul 2>&1
if errorlevel 1 goto :bad_opts

:start
"%BULLETIN_JAVA%" %BULLETIN_OPTS% %BULLETIN_CDS_OPTS% %BULLETIN_JAVA_OPTS% -jar "%BULLETIN_JAR%" %*
set "BULLETIN_RC=%ERRORLEVEL%"
if defined BULLETIN_OLDCP chcp %BULLETIN_OLDCP% >nul
endlocal & exit /b %BULLETIN_RC%

:cds_failed
del /q "%BULLETIN_CACHE%\%BULLETIN_STAMP%.tmp" >nul 2>&1
echo failed >"%BULLETIN_CACHE%\%BULLETIN_STAMP%.failed"
echo 提示: 快速启动准备失败，详见 %BULLETIN_LOG%；程序照常运行，只是启动稍慢。删除该文件夹即可重试。 1>&2
goto :run

:cds_failed_before
echo 提示: 快速启动未启用（准备失败，详见 %BULLETIN_LOG%）；程序照常运行，只是启动稍慢。删除 %BULLETIN_CACHE% 即可重试。 1>&2
goto :run

:no_sample
if exist "%BULLETIN_CACHE%\%BULLETIN_STAMP%.nosample" goto :run
echo 提示: 找不到示例工作区 %BULLETIN_SAMPLE%，不做快速启动准备；程序照常运行，只是启动稍慢。 1>&2
echo no sample >"%BULLETIN_CACHE%\%BULLETIN_STAMP%.nosample"
goto :run

:bad_opts
echo 错误: Java 无法以环境变量 BULLETIN_JAVA_OPTS 中的选项启动（运行 set BULLETIN_JAVA_OPTS 可以看到它）。请改正或清除它，例如 set BULLETIN_JAVA_OPTS=-Xmx512m，或 set BULLETIN_JAVA_OPTS=。 1>&2
if defined BULLETIN_OLDCP chcp %BULLETIN_OLDCP% >nul
endlocal & exit /b 2

:no_java
echo 错误: 找不到 Java（PATH 中没有 java 命令，也没有设置 JAVA_HOME）。 1>&2
goto :need_java

:no_version
echo 错误: 无法运行 %BULLETIN_JAVA%（java -version 没有给出版本号）。 1>&2
goto :need_java

:old_java
echo 错误: 这里的 Java 版本太旧（%BULLETIN_JAVA% 是 Java %BULLETIN_JAVA_VERSION%）。 1>&2
goto :need_java

:need_java
echo bulletin 需要 Java 17 或更新版本。请安装 Java 17（例如 https://adoptium.net/zh-CN/ 的 Temurin 17，安装时勾选“设置 JAVA_HOME”），然后重新打开命令提示符再运行。 1>&2
if defined BULLETIN_OLDCP chcp %BULLETIN_OLDCP% >nul
endlocal & exit /b 2

<#--
  工作专报的文字。每一行以指令开头，决定这一段在文档中的样式：
    @title 标题   @issue 期号   @office 发文单位   @date 日期
    @h1 一级标题（黑体）  @h2 二级标题（楷体）  @h3 三级标题（仿宋加粗）  @p 正文段落
    @attach 附件说明   @sign 落款   @appendix 1、@appendix 2 或 @appendix 3（插入附件表格；3 为平台信息上传情况表）
    @chart 图的说明（在此处插入完成情况图，说明文字放在图下）
    @detail 指标编号 文字（主题式：附件表格中该指标的“具体情况”，不出现在正文）
  没有指令的行按正文段落处理。数字都已按专报的格式写好（如 48.88%），直接使用即可。
  可以复制到工作目录的 templates/ 中修改，工作目录里的同名文件优先。
-->
@title ${title}
@issue 第${issue}期
@office ${office}
@date ${dateText}
<#-- 一级标题按实际出现的栏目依次编号：没有内容的栏目整节略去。 -->
<#assign h = 0>
<#macro h1 text><#assign h = h + 1>@h1 ${numerals[h - 1]}、${text}</#macro>
<#-- 几个单位：三个以内列出，多了写“归义街道等14个镇（街道）”。 -->
<#macro units list><#if list?size lte 3>${list?join("、")}<#else>${list[0]}等${list?size}个${unitsKind}</#if></#macro>
<#-- 各单位的存在问题：同样的话只说一次，并写明哪些单位反映的。 -->
<#macro problems list><#list list as p><@units p.units/>反映“${p.text}”<#sep>，</#list></#macro>
<#-- 指标的进度：控制类指标（越低越好）超出时写“为4.9%，超出控制目标0.6个百分点”，不写进度百分比 -->
<#macro standing c schedule><#if c.overText??>为${c.levelText}，超出控制目标${c.overText}<#else>进度为${c.progressText}<#if schedule>，序时进度要求为${c.scheduleText}</#if></#if></#macro>
<#macro noteParas paras numbered from><#assign n = from><#list paras as p><#if p.heading>
@h3 ${p.text}
<#elseif numbered && !p.numbered><#assign n = n + 1>
@p ${n}.${p.text}
<#else>
@p ${p.text}
</#if></#list></#macro>
<#if notes["工作动态"]?has_content>
<@h1 "工作动态"/>

<@noteParas notes["工作动态"] false 0/>
</#if>
<#-- 各单位达到序时进度的情况，亮牌指标：逐项式与主题式共用 -->
<#macro unitsText><#if unitsOnSchedule?has_content>${unitsOnSchedule?join("、")}所有指标均达到序时进度，值得肯定。</#if><#if unitsBehind?has_content>按各单位计分指标中达到序时进度的比例，靠后的是<#list unitsBehind as g><@units g.units/>（<#if g.units?size == 1>${g.scored}个计分指标中${g.onSchedule}个达到序时进度，占${g.shareText}<#else>达到序时进度的指标均占${g.shareText}</#if>）<#sep>、</#list>。</#if></#macro>
<#macro cardsText><#if cards.previous gt 0>上期的${cards.previous}个黄牌、红牌指标，<#if cards.cleared?has_content>有${cards.cleared?size}个已经追平或超过序时进度<#if cards.cleared?size lte 5>（${cards.cleared?join("、")}）</#if><#else>均未追平序时进度</#if><#if cards.red?has_content><#if cards.cleared?has_content>，${cards.red?size}个仍未达到进度要求</#if>：<#list cards.red as c>${c.name}<@standing c true/>，已连续${c.months}个月未达到进度要求（红牌，<#if c.carriedText?has_content>${c.carriedText}；</#if>责任单位：${c.leadUnit}）<#sep>；</#list></#if>。</#if><#if cards.yellow?has_content>本期新增黄牌指标${cards.yellow?size}个：<#list cards.yellow as c>${c.name}<@standing c false/><#if c.ownSchedule && !c.overText??>，该指标序时进度要求为${c.scheduleText}</#if>（<#if c.carriedText?has_content>${c.carriedText}；</#if>责任单位：${c.leadUnit}）<#sep>；</#list>。<#elseif cards.yellowCount gt 0>本期新增黄牌指标${cards.yellowCount}个，详见“突出问题”。</#if></#macro>
<@h1 "工作进展"/>

<#if style == "themed">
<#-- 主题式（bulletin.yaml 中 style: themed，种子 002 的写法）：工作进展只占一页。
  第一级（省级）一段：达到序时进度的个数、值得肯定的单位、亮牌指标、平台上传的总条数（各模块见附件3；
  有数据为零的模块时，平台情况在“突出问题”中说）；
  然后每级一段，“一是**主题**。”后写值得一提的指标（亮牌的指标不在此重复，它们在上面和“突出问题”中）；
  市级一段以“市级重点民生实事N个项目M个指标任务中K个指标已完成，其它指标有序推进。”开头。
  不插入完成情况图（各指标的数据见附件；需要时可在此加一行 @chart）。 -->
<#macro clause i><#if i.done>${i.name}<#if i.note??>（${i.note}）</#if>已完成全年任务<#else><#if i.kind == "progress" || i.kind == "standard">${i.name}总体形象进度${i.progressText}<#elseif i.kind == "ceiling">${i.name}控制在目标以内<#elseif i.kind == "rate" && i.doneText??>${i.name}达到${i.doneText}${i.unit}<#elseif i.perUnit && i.doneText??>${i.name}${unitsWord}平均完成${i.doneText}${i.unit}<#elseif i.doneText?? && i.progressText??>${i.name}${i.doneText}${i.unit}，进度${i.progressText}<#elseif i.progressText??>${i.name}进度为${i.progressText}<#else>${i.name}</#if><#if i.note??>（${i.note}）</#if></#if></#macro>
<#-- 平台信息上传情况一句（各模块的条数、上传较多的单位见附件3）；有数据为零的模块时，这一句在“突出问题”中 -->
<#macro platformText><#if platform?? && !platform.empty?has_content>湖南省“民生实事保障”平台共上传数据${platform.total}条（详见附件${platform.number}）。</#if></#macro>
<#-- 值得肯定的单位（主题式只说这一句；靠后的单位见附件表格的底色） -->
<#macro praised><#if unitsOnSchedule?has_content>${unitsOnSchedule?join("、")}所有指标均达到序时进度，值得肯定。</#if></#macro>
<#-- 同一主题下已完成的几个指标合说一句：“A、B均已完成全年任务”（各单位的说明从略）。 -->
<#macro clauses list><#assign done = list?filter(i -> i.done)><#assign rest = list?filter(i -> !i.done)><#if done?size gt 1><#list done as i>${i.name}<#sep>、</#list>均已完成全年任务<#elseif done?has_content><@clause done[0]/></#if><#if done?has_content && rest?has_content>；</#if><#list rest as i><@clause i/><#sep>；</#list></#macro>
<#list levels as level>
<#if level.id != "city">
@p 截至${asOfText}，${level.label}${level.summary.items}个项目${level.summary.indicators}个指标中，${level.summary.scored}个计分指标有${level.summary.onSchedule}个达到序时进度<#if level.summary.done gt 0>，其中${level.summary.done}个已完成全年任务</#if><#if level.summary.behind gt 0>，${level.summary.behind}个未达到序时进度</#if>。<#if level?is_first><@praised/><#if cards.previous gt 0 || cards.yellowCount gt 0><@cardsText/></#if><@platformText/></#if>
</#if>
</#list>
<#if levels?has_content && levels[0].id == "city" && ((platform?? && !platform.empty?has_content) || unitsOnSchedule?has_content || cards.previous gt 0 || cards.yellowCount gt 0)>
@p <@praised/><#if cards.previous gt 0 || cards.yellowCount gt 0><@cardsText/></#if><@platformText/>
</#if>
<#list levels as level>
@p <#if level.id == "city"><#if level?is_first>截至${asOfText}，</#if>${level.label}${level.summary.items}个项目${level.summary.indicators}个指标任务中<#if level.summary.done gt 0>${level.summary.done}个指标已完成，<#if level.summary.behind gt 0>${level.summary.behind}个指标未达到序时进度，</#if>其它指标有序推进<#elseif level.summary.behind gt 0>${level.summary.behind}个指标未达到序时进度，其它指标有序推进<#else>各指标均有序推进</#if>。<#else>${level.label}各项任务取得阶段性成效。</#if><#list level.themes as t>${numerals[t?index]}是**${t.lead}**。<#if t.indicators?has_content><@clauses t.indicators/>。<#else>相关工作有序推进。</#if></#list>
</#list>
<#-- 附件中形象进度指标的“具体情况”：每个指标一行 @detail 编号 文字，填在附件表格该指标的进度行（没有数据的文字目标填在数量行），横跨全市和各单位列。 -->
<#macro detail d><#if d.progressText??>总体形象进度${d.progressText}。</#if>具体情况：<#list d.units as u>${u?index + 1}. ${u.unit}<#if u.progressText??>进度${u.progressText}<#if u.carriedText?has_content>（${u.carriedText}）</#if><#if u.words?has_content>，</#if><#else>：</#if>${u.words?join("，")}<#sep>；</#list>。</#macro>
<#list details as d>
@detail ${d.code} <@detail d/>
</#list>
<#else>
<#list levels as level>
@p 截至${asOfText}，${level.label}${level.summary.items}个项目${level.summary.indicators}个指标中，${level.summary.scored}个计分指标有${level.summary.onSchedule}个达到序时进度（序时进度为${scheduleText}）<#if level.summary.done gt 0>，其中${level.summary.done}个已完成全年任务</#if><#if level.summary.behind gt 0>；另有${level.summary.behind}个未达到序时进度<#else>，均达到序时进度</#if><#if level.summary.indicators gt level.summary.scored>；其余${level.summary.indicators - level.summary.scored}个指标暂无量化进度</#if>。
</#list>
<#if unitsOnSchedule?has_content || unitsBehind?has_content>
@p <@unitsText/>
</#if>
<#if cards.previous gt 0 || cards.yellowCount gt 0>
@p <@cardsText/>
</#if>
<#-- 平台信息上传情况：有 platform/YYYY-MM.xlsx 时才有，表格为附件3 -->
<#if platform??>
@p 湖南省“民生实事保障”平台情况：共上传数据${platform.total}条，<#list platform.groups as g><#if g.name?has_content>${g.name}上传<#else>其中</#if><#list g.modules as m>${m.name}${m.count}条<#sep>、</#list><#sep>；</#list>（详见附件${platform.number}）。<#if platform.top?has_content>平台数据上传数量较多的有：<#list platform.top as u>${u}<#if u?has_next>${(u?index == platform.top?size - 2)?then("和", "、")}</#if></#list>。</#if><#if platform.empty?has_content><#list platform.empty as e><#if e.all>${e.units}各模块数据均为零<#else>${e.units}的${e.modules}<#if e.count gt 1>${e.countText}个</#if>模块数据为零</#if><#sep>；</#list>，相关单位需高度重视，立即对标整改，补齐短板。</#if>
</#if>
@chart 图1  ${month}月各指标完成全年任务情况（红色为未达到序时进度，虚线为序时进度）
<#list levels as level>
@h2 （${(level?index == 0)?then("一", "二")}）${level.label}
<#list level.items as item>
@h3 ${item?index + 1}. ${item.name}
<#list item.indicators as i>
<#assign behindText>未达到序时进度（<#if i.carriedText?has_content>${i.carriedText}，</#if><#if i.ownSchedule>该指标序时进度要求为${i.scheduleText}，</#if>${i.card}）</#assign>
<#assign said><#list i.notes as n>${n.units}：${n.text}<#sep>；</#list><#if i.notes?has_content>。</#if></#assign>
<#assign line><#if i.pending??>${i.pending}，本月不计进度。<#elseif i.kind == "progress" || i.kind == "standard"><#if i.progressText??>总体形象进度${i.progressText}<#if i.status == "done"><#if !i.notesSayDone>，已完成</#if><#elseif i.status == "behind">，${behindText}</#if>。<#else>暂无进度数据。</#if><#elseif i.kind == "ceiling" && i.levelText??><#if i.averaged>平均</#if>为${i.levelText}，<#if i.overText??>超出控制目标${i.overText}（${i.card}）<#else>控制在${i.ceilingText}以内，目标达成</#if>。<#elseif i.kind == "rate" && i.rateText??><#if i.averaged>平均</#if>达到${i.rateText}<#if i.progressText?? && i.progressText != i.rateText>，为目标要求的${i.progressText}</#if><#if i.status == "behind">，${behindText}</#if>。<#elseif i.perUnit && i.doneText??>${unitsWord}平均完成${i.doneText}${i.unit}<#if i.progressText??>，平均完成全年任务的${i.progressText}</#if><#if i.status == "behind">，${behindText}</#if>。<#elseif i.zero>尚未完成<#if i.status == "behind">，${behindText}</#if>。<#elseif i.doneText??>已完成${i.doneText}${i.unit}<#if i.progressText??>，完成全年任务的${i.progressText}<#if i.statedTarget??>（${i.statedTarget}）</#if></#if><#if i.unassignedText??>，全年任务中有${i.unassignedText}未分解到${unitsKind}</#if><#if i.gainText?? && i.gainPositive>，较上月增加${i.gainText}${i.unit}</#if><#if i.status == "behind">，${behindText}</#if>。</#if>${said}</#assign>
<#assign lines = (i?index == 0)?then([], lines) + [line]>
</#list>
<#-- 同一项目下相邻几个指标的说法完全相同时，只说一次：“（1）……。（2）……。以上2项总体形象进度均为100%……” -->
<#list item.indicators as i>
<#assign line = lines[i?index]>
<#if item.indicators?size == 1 && item.indicators[0].name == item.name>
@p ${line}
<#elseif i?index == 0 || lines[i?index - 1] != line>
<#assign run = 1><#list lines as l><#if l?index gt i?index><#if l == line && l?index == i?index + run><#assign run = run + 1></#if></#if></#list>
<#if run gt 1>
<#list 0..<run as r>
<#assign k = i?index + r>
@p （${k + 1}）${item.indicators[k].name}。<#if r == run - 1>以上${run}项<#if line?starts_with("总体形象进度")>总体形象进度均为${line?keep_after("总体形象进度")}<#else>均为：${line}</#if></#if>
</#list>
<#else>
@p （${i?index + 1}）${i.name}。${line}
</#if>
</#if>
</#list>
</#list>
</#list>
</#if>
<@h1 "突出问题"/>

<#assign k = 0>
<#if behind?has_content>
<#assign k = k + 1>
<#if oneByOne>
@p ${k}.部分指标未达到序时进度。<#list behind as b>${b.quoted}<@standing b true/>（<#if b.ownSchedule>该指标另定序时进度，</#if>${b.card}<#if b.months gt 1>，已连续${b.months}个月未达到进度要求</#if>，责任单位：${b.leadUnit}）<#if b.carriedText?has_content>，${b.carriedText}</#if><#if b.gapIsUnassigned>，各${unitsKind}已完成所分解任务的${b.unitsProgressText}，差距在于未分解到${unitsKind}的${b.unassignedText}，需${b.leadUnit}统筹推进</#if><#if b.furthest?has_content>，<#if b.overText??><#list b.furthest as g><@units g.units/>${g.progressText}<#sep>、</#list>超出控制目标<#else><#list b.furthest as g><@units g.units/><#if g.units?size gt 1>均</#if>为${g.progressText}<#sep>，</#list>，进度靠后</#if></#if><#if b.problems?has_content>；<@problems b.problems/></#if><#sep>。</#list>。
<#else>
@p ${k}.部分指标未达到序时进度。共${behind?size}个指标未达到序时进度（序时进度为${scheduleText}），涉及<#list behindGroups as g>${g.leadUnit}负责的${g.names?join("、")}<#if g.count gt 2>等${g.count}个指标</#if><#sep>；</#list>，各指标完成情况见附件。<#if behindProblems?has_content>各单位反映的困难主要有：<@problems behindProblems/>。</#if>
</#if>
</#if>
<#if late?has_content || lateDepartments?has_content>
<#assign k = k + 1>
@p ${k}.申报不及时。<#if late?has_content>${late?join("、")}未按时报送${month}月进度数据<#if lateDepartments?has_content>；</#if></#if><#if lateDepartments?has_content>${lateDepartments?join("、")}未报送负责指标的进度数据</#if>。
</#if>
<#if style == "themed" && platform?? && platform.empty?has_content>
<#assign k = k + 1>
@p ${k}.平台数据上传不全。湖南省“民生实事保障”平台共上传数据${platform.total}条（详见附件${platform.number}），<#list platform.empty as e><#if e.all>${e.units}各模块数据均为零<#else>${e.units}的${e.modules}<#if e.count gt 1>${e.countText}个</#if>模块数据为零</#if><#sep>；</#list>，相关单位需高度重视，立即对标整改，补齐短板。
</#if>
<#if excluded?has_content>
<#assign k = k + 1>
@p ${k}.报表数据有误。<#list excluded as e>${e.prose}<#sep>；</#list>，上述数据未予采用，沿用上月数据，请相关单位核实后重新报送。
</#if>
<#if otherProblems?has_content>
<#assign k = k + 1>
@p ${k}.部分单位反映的困难。<#list otherProblems as p>${p.indicator}方面，<@units p.units/>反映“${p.text}”<#sep>；</#list>。
</#if>
<@noteParas notes["突出问题"] true k/>
<#if k == 0 && !notes["突出问题"]?has_content>
@p 本月各项指标均达到序时进度，各单位均按时报送。
</#if>
<#if notes["下一步工作安排"]?has_content>
<@h1 "下一步工作安排"/>

<@noteParas notes["下一步工作安排"] false 0/>
</#if>
<#if notes["典型做法"]?has_content>
<@h1 "典型做法"/>

<@noteParas notes["典型做法"] false 0/>
</#if>
<#-- 附件：只列本期专报实际附有的附件，按顺序编号（没有省级项目的城市，市级表即附件1） -->
<#list attachments as a>
@attach <#if a?index == 0>附件：</#if>${a?index + 1}.${a}
</#list>
@sign ${office}
<#if stamp??>
@sign ${stamp}
</#if>
@sign ${dateText}
@appendix 1
@appendix 2
<#if platform??>
@appendix 3
</#if>

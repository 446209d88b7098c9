package bulletin.document;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A workspace template run within bounds, since the clerk edits it: on a thread of its own with a known stack,
 * at most {@link #MAX_DEPTH} elements deep, {@link #MAX_STEPS} elements and {@link #MAX_SECONDS} seconds in all,
 * and {@link #MAX_OUTPUT} characters of output. A template past a bound ({@code <#macro m><@m/></#macro><@m/>},
 * {@code <#list 1..999999999 as i>x</#list>}) ends in a usage error naming its file and line; the JVM's
 * StackOverflowError and OutOfMemoryError inside template processing are reported the same way, as a last resort.
 * The sample bulletin enters 1,600 elements, 13 deep.
 */
final class BoundedRender {

    static final int MAX_DEPTH = 1_000;
    static final long MAX_STEPS = 5_000_000;
    static final int MAX_OUTPUT = 4 * 1024 * 1024;
    static final long MAX_SECONDS = 30;
    /** The template thread's stack: {@link #MAX_DEPTH} elements take about a quarter of it. */
    static final long STACK = 16L * 1024 * 1024;

    /** How much longer than its time limit the template thread is waited for, at most. */
    static final long GRACE_MILLIS = 2_000;

    /**
     * The bounds of one run; {@link #DEFAULT} for a bulletin, smaller ones in tests. The time is in milliseconds so
     * that a test can stop a template in a tenth of a second; the message says whole seconds where it is one.
     */
    record Limits(int depth, long steps, int output, long millis) {
        static final Limits DEFAULT = new Limits(MAX_DEPTH, MAX_STEPS, MAX_OUTPUT, MAX_SECONDS * 1000);

        /** The time limit as the clerk reads it: "30 秒", or "100 毫秒" for a test's limit below a second. */
        String time() {
            return millis % 1000 == 0 ? millis / 1000 + " 秒" : millis + " 毫秒";
        }

        /** How long the template thread is waited for: the limit and a grace, at most the limit again. */
        long joinMillis() {
            return millis + Math.min(GRACE_MILLIS, millis);
        }
    }

    private BoundedRender() {
    }

    /** Parses {@code name} and processes it with {@code model} on the template thread; the text it writes. */
    static String render(Configuration cfg, String name, Map<String, Object> model)
            throws IOException, TemplateException {
        return render(cfg, name, model, Limits.DEFAULT);
    }

    static String render(Configuration cfg, String name, Map<String, Object> model, Limits limits)
            throws IOException, TemplateException {
        Tracer tracer = new Tracer(name, limits);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> result.set(process(cfg, name, model, tracer)), "template", STACK);
        thread.setDaemon(true);
        thread.start();
        try {
            // The tracer stops a template that runs too long, but only when it enters an element: a loop with an
            // empty body ({@code <#list 1..999999999 as i></#list>}) enters none, so the wait is bounded too.
            thread.join(limits.joinMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulletinException(ExitCode.INTERNAL, "模板处理被中断", e);
        }
        if (thread.isAlive()) {
            abandon(thread);
            throw tracer.stop("模板运行超过 " + limits.time() + "（循环可能过大）");
        }
        return unwrap(result.get());
    }

    /** The template's text, or what ended it. */
    private static Object process(Configuration cfg, String name, Map<String, Object> model, Tracer tracer) {
        try {
            Template t = cfg.getTemplate(name);
            Capped out = new Capped(tracer);
            Environment env = t.createProcessingEnvironment(model, out);
            env.setTemplateProcessingTracer(tracer);
            env.process();
            return out.text.toString();
        } catch (StackOverflowError e) {
            return tracer.stop("模板嵌套过深（宏或函数可能在无限地调用自身）");
        } catch (OutOfMemoryError e) {
            return tracer.stop("模板生成的内容过多，内存不足");
        } catch (Throwable e) {
            return e;
        }
    }

    /**
     * A template thread that would not end: stopped where the JVM still can (Java 17; its state is its own and
     * thrown away), else left to the end of the process as a daemon.
     */
    @SuppressWarnings({"removal", "deprecation"})
    private static void abandon(Thread thread) {
        try {
            thread.stop();
        } catch (UnsupportedOperationException | SecurityException e) {
            // newer JVMs: the daemon thread ends with the command
        }
    }

    private static String unwrap(Object r) throws IOException, TemplateException {
        for (Throwable t = r instanceof Throwable x ? x : null; t != null; t = t.getCause()) {
            if (t instanceof BulletinException b) {
                throw b; // a bound, wherever FreeMarker wrapped it
            }
        }
        if (r instanceof TemplateException e) {
            throw e;
        } else if (r instanceof IOException e) {
            throw e;
        } else if (r instanceof RuntimeException e) {
            throw e;
        } else if (r instanceof Error e) {
            throw e;
        } else if (r instanceof Throwable e) {
            throw new IllegalStateException(e);
        }
        return (String) r;
    }

    /** Counts the elements the template enters and remembers the last one's place. */
    private static final class Tracer implements TemplateProcessingTracer {
        private final long start = System.nanoTime();
        private final Limits limits;
        private volatile String template;
        private volatile int line;
        private int depth;
        private long steps;

        Tracer(String template, Limits limits) {
            this.template = template;
            this.limits = limits;
        }

        @Override
        public void enterElement(Environment env, TracedElement e) {
            depth++;
            steps++;
            line = e.getBeginLine();
            if (e.getTemplate() != null && e.getTemplate().getSourceName() != null) {
                template = e.getTemplate().getSourceName();
            }
            if (depth > limits.depth()) {
                throw stop("模板嵌套超过 " + limits.depth() + " 层（宏或函数可能在无限地调用自身）");
            }
            if (steps > limits.steps()) {
                throw stop("模板运行超过 " + limits.steps() + " 步（循环可能过大）");
            }
            if ((steps & 0xFFF) == 0 && System.nanoTime() - start > limits.millis() * 1_000_000L) {
                throw stop("模板运行超过 " + limits.time() + "（循环可能过大）");
            }
        }

        @Override
        public void exitElement(Environment env, TracedElement e) {
            depth--;
        }

        /** The error that ends the template, at the last element it entered. */
        BulletinException stop(String why) {
            return new BulletinException(ExitCode.USAGE, "templates/" + template + (line > 0 ? ":" + line : "")
                    + ": 错误: " + why + "，已停止；请检查模板");
        }
    }

    /** The template's output, refused past {@link #MAX_OUTPUT} characters. */
    private static final class Capped extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final Tracer tracer;

        Capped(Tracer tracer) {
            this.tracer = tracer;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            check(len);
            text.append(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            check(len);
            text.append(s, off, len);
        }

        private void check(int len) {
            int cap = tracer.limits.output();
            if (text.length() + (long) len > cap) {
                throw tracer.stop("模板生成的文字超过 " + (cap >= 1 << 20 ? cap / (1 << 20) + " MB" : cap + " 个字符")
                        + "（循环可能过大）");
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

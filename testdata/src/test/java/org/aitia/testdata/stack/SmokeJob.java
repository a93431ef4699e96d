package org.aitia.testdata.stack;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A tiny streaming job that FlinkSessionClusterIT packs into a jar and submits over REST. */
public final class SmokeJob {

    private SmokeJob() {}

    /** Upper-cases each argument and prints it (to the TaskManager's log). */
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData(args).map(new Shout()).name("shout").uid("shout").print().name("print");
        env.execute("aitia smoke job");
    }

    /** Upper-cases a line and marks it, so the test can find it in the TaskManager's log. */
    public static final class Shout implements MapFunction<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map(String value) {
            return "SMOKE " + value.toUpperCase(java.util.Locale.ROOT);
        }
    }
}

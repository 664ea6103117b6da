package pdmbot.run;

import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;
import pdmbot.world.QaPipelines;

/** Runs the QA pipeline against gstg after its post-deploy migrations. */
final class QaStep {

    private QaStep() {
    }

    static StepResult run(RunContext context) {
        QaPipelines qa = context.resources().operations().qa();
        String key = "qa/attempt-" + context.attempt() + "/pipeline";
        PipelineHandle pipeline = EffectResults.pipeline(context.effects().once(key, Effects.OnUnfinished.REPEAT_WITH_SAME_KEY,
                () -> EffectResults.of(qa.startQa(Environment.GSTG, context.effects().worldKey(key)))));
        PipelineStatus status = context.await(pipeline, qa::status);
        if (status instanceof PipelineStatus.Failed failed) {
            return new StepResult.Failed("QA against gstg failed in " + failed.job() + ": " + failed.error(),
                    java.util.Optional.empty(), failed.error(), failed.jobUrl());
        }
        context.announce("qa/attempt-" + context.attempt() + "/passed", Reply.ok("QA against gstg passed"
                + (pipeline.url().isBlank() ? "" : " (" + pipeline.url() + ")") + "; on to gprd."));
        return new StepResult.Done("QA passed (pipeline " + pipeline.id() + ")");
    }
}

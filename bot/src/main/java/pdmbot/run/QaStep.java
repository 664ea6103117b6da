package pdmbot.run;

import java.util.Optional;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;
import pdmbot.world.QaPipelines;

/** Runs the QA pipeline against an environment after its post-deploy migrations. */
final class QaStep {

    private QaStep() {
    }

    static StepResult run(RunContext context, Environment environment) {
        // a run of a subset that holds nothing on this environment changed nothing there for QA to check
        if (context.scope().isPresent() && context.scope().get().versionsOn(environment).isEmpty())
            return new StepResult.Done("no QA: the run's subset (`" + context.scope().get().only() + "`) runs nothing on "
                    + environment.id());
        QaPipelines qa = context.resources().operations().qa();
        EffectKey key = EffectKey.pipeline(context.step(), context.attempt());
        PipelineHandle pipeline = EffectResults.pipeline(context.effects().once(key, Effects.OnUnfinished.REPEAT_WITH_SAME_KEY,
                () -> EffectResults.of(qa.startQa(environment, context.effects().worldKey(key)))));
        PipelineStatus status = context.await(pipeline, p -> qa.status(environment, p));
        if (status instanceof PipelineStatus.Failed failed) {
            return new StepResult.Failed("QA against " + environment.id() + " failed in " + failed.job() + ": " + failed.error(),
                    Optional.empty(), failed.error(), failed.jobUrl());
        }
        String next = context.steps().stream().dropWhile(s -> !s.equals(context.step())).skip(1)
                .filter(s -> s.kind() == StepKind.MIGRATIONS).findFirst().map(s -> "on to " + s.id()).orElse("on to the end");
        context.announce(context.step().effectPrefix() + "/attempt-" + context.attempt() + "/passed", Reply.ok("QA against "
                + environment.id() + " passed" + (pipeline.url().isBlank() ? "" : " (" + pipeline.url() + ")") + "; " + next + "."));
        return new StepResult.Done("QA passed (pipeline " + pipeline.id() + ")");
    }
}

using ClipHost.Abstractions.Options;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Interop;
using ClipHost.Engine.Model;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Text;
using Microsoft.Extensions.Logging;

namespace ClipHost.Engine.Training;

/// <summary>
/// Trains one experiment: validates it, opens the run's folder (<see cref="RunWorkspace"/>), chooses the training set
/// (<see cref="TrainingSetSelector"/>), assembles the model, strategy, precision and optimiser (<see cref="TrainingSession"/>)
/// and runs AdamW with warmup and cosine decay over a budget of samples seen, epochs or GFLOPs, the last priced into steps
/// from the model's cost (<see cref="RunBudget"/>, <see cref="TrainingLoop"/>). Runs are
/// idempotent by name: a run with a checkpoint resumes exactly where it stopped (same weights, optimiser moments, schedule
/// and data order), and a finished run is not trained again. Runs synchronously on the calling thread, because
/// TorchSharp's dispose scopes are per thread.
/// </summary>
public sealed class Trainer(IComponentRegistry registry, ILogger<Trainer> logger)
{
    public TrainResult Train(ExperimentConfig config, TrainRunOptions run, IProgress<TrainProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(run);
        var workspace = new RunWorkspace(run.Layout, config.Name);
        // A run that already chose its filtered subset does not need its teachers again (they may be gone by now).
        var errors = new ExperimentValidator(registry, run.Layout) { ChecksTeachers = run.Fresh || !workspace.HasChosenSubset }.Validate(config);
        if (errors.Count > 0)
        {
            throw new OptionsValidationFailedException(errors);
        }
        workspace.Open(config, run.Fresh);
        var precision = ChoosePrecision(config, run, workspace, cancellationToken);
        config = config with { Training = config.Training with { Precision = precision.Chosen } };
        workspace.WriteConfig(config);
        using var set = new TrainingSetSelector(registry, logger).Select(config, run, workspace, cancellationToken);
        var t = config.Training;
        var resumeFrom = workspace.ResumeFrom;
        var init = resumeFrom is null && config.Model.Init is { } wanted ? ModelInitSource.Resolve(wanted, run.Layout).Source : null;
        var tokenizer = resumeFrom is not null ? ClipTokenizer.Load(Path.Combine(resumeFrom, CheckpointStore.Tokenizer))
            // A loaded text tower reads the vocabulary it was trained with (validated to be there).
            : init is { Tokenizer: { } vocabulary } && init.Config.Towers.Contains("text") ? ClipTokenizer.Load(vocabulary)
            : VocabularySource.Build(config.Model.Text.Vocabulary, config.Model.Text.VocabSize, config.Model.Text.ContextLength, run.Layout, () => set.Ids.SelectMany(i => set.Store.Samples[i].Captions));
        using var session = TrainingSession.Create(registry, config.Model, config.Strategy, t, run.Device, resumeFrom, init);
        var cost = session.StepCost(t.BatchSize);
        var loop = new TrainingLoop(session, config, tokenizer, workspace, Budget(config, set.Ids.Length, cost, workspace.Resumed), logger, ValidationProbe.For(config, session.Model, tokenizer, set.Store, run.Device), precision);
        if (resumeFrom is not null)
        {
            loop.Resume(workspace.Resumed!);
            logger.Resuming(config.Name, loop.Step, loop.TotalSteps, resumeFrom);
            if (loop.Finished)
            {
                return AlreadyComplete(config.Name, workspace, loop);
            }
        }

        // A run of no steps (model.init evaluated as it is) logs what one step would cost.
        var stepGflops = loop.TotalSteps > 0 ? cost.TotalGflops(loop.TotalSteps) / loop.TotalSteps : cost.TotalGflops(1);
        logger.Starting(config.Name, set.Ids.Length, t.Budget!.Kind, t.Budget.Value, loop.TotalSteps, t.BatchSize, stepGflops, session.ImageForwardGflopsPerView, session.TextForwardGflopsPerSample);
        using var batches = new TrainingBatches(set, tokenizer, config.Data.Captions == "first", config.Model.Vision.ImageSize, t.BatchSize, t.Seed, run.Device);
        var result = loop.Run(batches, run.StopAfterSteps, resumeFrom ?? string.Empty, progress, cancellationToken);
        workspace.WriteCompute(result.Compute);
        return result;
    }

    /// <summary>
    /// The precision this invocation trains in: what the config names, or for `auto` what the run chose when it started
    /// (kept across resumes, whatever the machine would choose now), or what the host's chooser picks for a new run
    /// (fp32 without one).
    /// </summary>
    private PrecisionChoice ChoosePrecision(ExperimentConfig config, TrainRunOptions run, RunWorkspace workspace, CancellationToken cancellationToken)
    {
        var requested = config.Training.Precision;
        var choice = requested != Experiments.Precision.Auto ? PrecisionChoice.Explicit(requested)
            : workspace.Resumed?.Precision is { Requested: Experiments.Precision.Auto } kept ? kept
            : run.ChoosePrecision?.Invoke(config, cancellationToken)
                ?? new PrecisionChoice(Experiments.Precision.Fp32, requested, "fp32: no precision chooser given (every machine has fp32)", null, null, string.Empty, DateTimeOffset.UtcNow);
        logger.PrecisionChosen(config.Name, choice.Chosen == Experiments.Precision.Fp32 ? "fp32" : "bf16-mixed", choice == workspace.Resumed?.Precision ? $"kept from the run's start: {choice.Reason}" : choice.Reason);
        return choice;
    }

    /// <summary>
    /// The run's budget in steps (present: validated before any run starts). A resumed GFLOPs run keeps the steps it
    /// started with, so that a plugin counting its cost differently since cannot move the schedule of a run half done.
    /// </summary>
    private RunBudget Budget(ExperimentConfig config, int trainingPairs, StepCost cost, TrainingState? resumed)
    {
        var t = config.Training;
        if (!cost.Planned)
        {
            logger.AssumedPasses(config.Name, config.Strategy.Id);
        }
        var budget = RunBudget.Of(t.Budget!, t.BatchSize, trainingPairs, cost);
        if (resumed is not null && t.Budget!.Gflops is not null && resumed.TotalSteps != budget.Steps)
        {
            logger.KeptSteps(config.Name, resumed.TotalSteps, budget.Steps);
            return budget with { Steps = resumed.TotalSteps, Samples = resumed.TotalSteps * t.BatchSize };
        }
        return budget;
    }

    private TrainResult AlreadyComplete(string name, RunWorkspace workspace, TrainingLoop loop)
    {
        logger.AlreadyComplete(name, loop.Step);
        var done = new TrainResult(workspace.RunDirectory, workspace.ResumeFrom!, workspace.Resumed!, Completed: true, loop.Compute());
        if (!workspace.HasCompute)
        {
            // Killed between its last checkpoint and compute.json: the figures follow from that checkpoint's state.
            workspace.WriteCompute(done.Compute);
        }
        return done;
    }
}

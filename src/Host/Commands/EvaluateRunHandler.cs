using System.Globalization;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Paths;
using ClipHost.Host.Plugins;
using ClipHost.Host.Torch;

namespace ClipHost.Host.Commands;

/// <summary>Evaluates a run's checkpoint; into the run's own results (eval/ and the record's metrics) only when asked.</summary>
public sealed class EvaluateRunHandler(RunStore runs, PluginCatalog catalog, TorchRuntime torch, DataLayout layout, TimeProvider clock, ILogger<Evaluator> logger)
    : ICommandHandler<EvaluateRunCommand, RunEvaluation>
{
    public async ValueTask<RunEvaluation> Handle(EvaluateRunCommand command, CancellationToken cancellationToken)
    {
        var id = command.RunId;
        var record = runs.Get(id)!;
        var config = command.ConfigJson is { } json ? ExperimentChecks.Parse(json) : RunConfig.Of(record);
        var checkpoint = RunCheckpoints.Find(runs.DirectoryOf(id), command.Step).Folder!;
        var step = CheckpointStore.ReadState(checkpoint).Step;
        var output = command.IntoRun ? Path.Combine(runs.DirectoryOf(id), "eval")
            : command.Output is { } given ? Path.GetFullPath(given)
            : Path.Combine(runs.DirectoryOf(id), "evaluations", string.Create(CultureInfo.InvariantCulture, $"{(command.Untrained ? "untrained" : $"step-{step}")}{(command.ConfigJson is null ? string.Empty : $"-{config.Name}")}"));
        if (command.IntoRun)
        {
            record = runs.Update(id, r => r with { Status = RunStatus.Evaluating, Checkpoint = checkpoint });
        }
        using var lease = catalog.Acquire();
        try
        {
            var results = await RunConfig.OnTorchThread(() => new Evaluator(lease, logger).Evaluate(
                new EvaluationRequest(checkpoint, id, config.Evaluations, layout, output, torch.Device, config.Training.Precision, config.Shifts) { UntrainedSeed = command.Untrained ? config.Training.Seed : null }, cancellationToken)).ConfigureAwait(false);
            if (command.IntoRun)
            {
                var metrics = RunMetrics.Of(results);
                new Engine.Training.TensorBoardLog(runs.DirectoryOf(id)).Evaluation(step, results);
                record = runs.Update(id, r => r with { Status = RunStatus.Succeeded, Metrics = metrics, EvaluationDirectory = output, FinishedAt = clock.GetUtcNow() });
            }
            return new RunEvaluation(record, results, output);
        }
        catch (OperationCanceledException) when (command.IntoRun)
        {
            // Stopped midway: the evaluation is still to do (a cancellation of the run has already marked it cancelled).
            runs.Update(id, r => r.Status == RunStatus.Evaluating ? r with { Status = RunStatus.Trained } : r);
            throw;
        }
        catch (Exception e) when (command.IntoRun)
        {
            runs.Update(id, r => r with { Status = RunStatus.Failed, Error = $"evaluation: {e.Message}", FinishedAt = clock.GetUtcNow() });
            throw;
        }
    }
}

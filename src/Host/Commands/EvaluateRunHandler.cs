using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Paths;
using ClipHost.Host.Options;
using ClipHost.Host.Plugins;
using ClipHost.Host.Runs;
using ClipHost.Host.Torch;
using Mediator;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Commands;

/// <summary>Evaluates a run's latest checkpoint and puts every metric into its record (dataset/task/metric → value).</summary>
public sealed class EvaluateRunHandler(RunStore runs, PluginCatalog catalog, TorchRuntime torch, DataLayout layout, TimeProvider clock)
    : ICommandHandler<EvaluateRunCommand, RunRecord>
{
    public async ValueTask<RunRecord> Handle(EvaluateRunCommand command, CancellationToken cancellationToken)
    {
        var id = command.RunId;
        var config = RunConfig.Of(runs.Get(id)!);
        var checkpoint = new CheckpointStore(runs.DirectoryOf(id)).Latest!;
        var output = Path.Combine(runs.DirectoryOf(id), "eval");
        runs.Update(id, r => r with { Status = RunStatus.Evaluating, Checkpoint = checkpoint });
        using var lease = catalog.Acquire();
        try
        {
            var results = await RunConfig.OnTorchThread(() => new Evaluator(lease).Evaluate(
                new(checkpoint, id, config.Evaluations, layout, output, torch.Device, config.Training.Precision), cancellationToken)).ConfigureAwait(false);
            var metrics = results.SelectMany(r => r.Metrics.Select(m => (Key: $"{r.Dataset}/{r.Task}/{m.Key}", m.Value)))
                .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
            return runs.Update(id, r => r with { Status = RunStatus.Succeeded, Metrics = metrics, EvaluationDirectory = output, FinishedAt = clock.GetUtcNow() });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            runs.Update(id, r => r with { Status = RunStatus.Failed, Error = $"evaluation: {e.Message}", FinishedAt = clock.GetUtcNow() });
            throw;
        }
    }
}

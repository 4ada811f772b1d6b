using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Training;
using ClipHost.Host.Jobs;
using ClipHost.Host.Options;
using ClipHost.Host.Plugins;
using ClipHost.Host.Runs;
using Hangfire;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Commands;

/// <summary>
/// Trains a run with the plugin versions current when it starts (held by a lease until it ends), resuming from the
/// run's last checkpoint, reporting progress into the record, then queues its evaluation. A stop for shutdown
/// leaves the run to be resumed; a cancellation or a failure is recorded.
/// </summary>
public sealed class TrainRunHandler(
    RunStore runs,
    PluginCatalog catalog,
    DevicePool devices,
    DataLayout layout,
    IBackgroundJobClient jobs,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILoggerFactory loggers) : ICommandHandler<TrainRunCommand, RunRecord>
{
    private readonly ILogger _logger = loggers.CreateLogger<TrainRunHandler>();

    public async ValueTask<RunRecord> Handle(TrainRunCommand command, CancellationToken cancellationToken)
    {
        var id = command.RunId;
        var config = RunConfig.Of(runs.Get(id)!);
        using var lease = catalog.Acquire();
        var latest = new CheckpointStore(runs.DirectoryOf(id)).Latest;
        var from = latest is null ? 0 : CheckpointStore.ReadState(latest).Step;
        var used = Used(lease, [config.Model.Vision.Architecture, config.Strategy.Id, .. config.Data.Filters.Select(f => f.Id)]);
        var record = runs.Update(id, r => r with
        {
            Status = RunStatus.Training,
            Attempts = r.Attempts + 1,
            ResumedFromStep = from,
            StartedAt = r.StartedAt ?? clock.GetUtcNow(),
            Host = $"{Environment.MachineName}:{Environment.ProcessId}",
            Components = used,
            Error = null,
        });
        CommandLog.TrainingStarted(_logger, id, record.Attempts, from);
        using var device = await devices.TakeAsync(cancellationToken).ConfigureAwait(false);
        var options = new TrainRunOptions { Layout = layout, Device = device.Device };
        var progress = new RecordProgress(runs, id, clock);
        var trainer = new Trainer(lease, loggers.CreateLogger<Trainer>());
        try
        {
            var result = await RunConfig.OnTorchThread(() => trainer.Train(config, options, progress, cancellationToken)).ConfigureAwait(false);
            progress.Flush();
            if (config.Evaluations.Count == 0)
            {
                return runs.Update(id, r => r with { Status = RunStatus.Succeeded, Checkpoint = result.Checkpoint, FinishedAt = clock.GetUtcNow() });
            }
            runs.Update(id, r => r with { Status = RunStatus.Evaluating, Checkpoint = result.Checkpoint });
            var evaluation = jobs.Create<EvaluationJob>(j => j.RunAsync(id, CancellationToken.None), new Hangfire.States.EnqueuedState(JobQueues.Default));
            return runs.Update(id, r => r with { EvaluationJobId = evaluation });
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Hangfire puts the job back in the queue; this host or another resumes it from the checkpoint just written.
            progress.Flush();
            CommandLog.TrainingInterrupted(_logger, id);
            throw;
        }
        catch (OperationCanceledException)
        {
            progress.Flush();
            runs.Update(id, r => r with { Status = RunStatus.Cancelled, FinishedAt = r.FinishedAt ?? clock.GetUtcNow() });
            throw;
        }
        catch (Exception e)
        {
            runs.Update(id, r => r with { Status = RunStatus.Failed, Error = e.Message, FinishedAt = clock.GetUtcNow() });
            throw;
        }
    }

    private static List<string> Used(PluginLease lease, IReadOnlyCollection<string> ids) =>
        [.. lease.Snapshot.Plugins.SelectMany(p => p.Components.Where(c => ids.Contains(c.Id))
            .Select(c => $"{c.Kind.ToString().ToLowerInvariant()}:{c.Id}@{c.Version} ({p.Name} {p.Version})"))];
}

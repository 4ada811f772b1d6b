using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Training;
using ClipHost.Host.Jobs;
using ClipHost.Host.Plugins;

namespace ClipHost.Host.Commands;

/// <summary>
/// Trains a run with the plugin versions current when it starts (held by a lease until it ends), resuming from the
/// run's last checkpoint and reporting progress into the record. It ends <see cref="RunStatus.Trained"/> when the
/// config has evaluations (the caller evaluates it: the CLI at once, the service in a job of its own), otherwise
/// succeeded. A stop for shutdown with a job behind the run leaves it for the queue to resume; a stop with no job
/// (the CLI) leaves it stopped; a cancellation or a failure is recorded. One process trains a run at a time
/// (<see cref="RunTrainingLock"/>).
/// </summary>
public sealed class TrainRunHandler(
    RunStore runs,
    PluginCatalog catalog,
    DevicePool devices,
    DataLayout layout,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    Engine.Precision.PrecisionCache precisions,
    ILoggerFactory loggers) : ICommandHandler<TrainRunCommand, RunRecord>
{
    private readonly ILogger _logger = loggers.CreateLogger<TrainRunHandler>();

    public async ValueTask<RunRecord> Handle(TrainRunCommand command, CancellationToken cancellationToken)
    {
        var id = command.RunId;
        var config = RunConfig.Of(runs.Get(id)!);
        // Before the record changes: a run another process is training is refused, its record left as that process keeps it.
        using var exclusive = RunTrainingLock.Take(runs.DirectoryOf(id), id, runs.Get(id)?.Host);
        using var lease = catalog.Acquire();
        var record = Start(id, lease, [config.Model.Vision.Architecture, config.Strategy.Id, .. config.Data.Filters.Select(f => f.Id)]);
        CommandLog.TrainingStarted(_logger, id, record.Attempts, record.ResumedFromStep);
        using var device = await devices.TakeAsync(cancellationToken).ConfigureAwait(false);
        var options = new TrainRunOptions
        {
            Layout = layout,
            Device = device.Device,
            StopAfterSteps = command.StopAfterSteps,
            ChoosePrecision = (c, ct) => new Engine.Benchmarks.PrecisionChooser(lease, precisions).Resolve(c, device.Device, ct),
        };
        var progress = new RecordProgress(runs, id, clock, command.Display);
        var trainer = new Trainer(lease, loggers.CreateLogger<Trainer>());
        try
        {
            var result = await RunConfig.OnTorchThread(() => trainer.Train(config, options, progress, cancellationToken)).ConfigureAwait(false);
            progress.Flush();
            var status = !result.Completed ? RunStatus.Stopped : config.Evaluations.Count > 0 ? RunStatus.Trained : RunStatus.Succeeded;
            return runs.Update(id, r => r with { Status = status, Checkpoint = result.Checkpoint, FinishedAt = status == RunStatus.Succeeded ? clock.GetUtcNow() : null });
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            progress.Flush();
            if (runs.Get(id)?.TrainingJobId is null)
            {
                // Nothing will hand this run out again: it waits, stopped at its checkpoint, for the next submission.
                Record(id, r => r with { Status = RunStatus.Stopped });
                CommandLog.TrainingStopped(_logger, id);
                throw;
            }
            // Hangfire puts the job back in the queue; this host or another resumes it from the checkpoint just written.
            CommandLog.TrainingInterrupted(_logger, id);
            throw;
        }
        catch (OperationCanceledException)
        {
            progress.Flush();
            Record(id, r => r with { Status = RunStatus.Cancelled, FinishedAt = r.FinishedAt ?? clock.GetUtcNow() });
            throw;
        }
        catch (Exception e)
        {
            Record(id, r => r with { Status = RunStatus.Failed, Error = e.Message, FinishedAt = clock.GetUtcNow() });
            throw;
        }
    }

    /// <summary>
    /// Records how an attempt ended, as far as the disk allows: the full disk that failed a checkpoint may fail the record
    /// too, and then the caller must still see the first error, not this one.
    /// </summary>
    private void Record(string id, Func<RunRecord, RunRecord> change)
    {
        try
        {
            runs.Update(id, change);
        }
        catch (IOException e)
        {
            CommandLog.RecordNotUpdated(_logger, id, e.Message);
        }
    }

    private RunRecord Start(string id, PluginLease lease, IReadOnlyCollection<string> components)
    {
        var latest = new CheckpointStore(runs.DirectoryOf(id)).Latest;
        var from = latest is null ? 0 : CheckpointStore.ReadState(latest).Step;
        var used = Used(lease, components);
        return runs.Update(id, r => r with
        {
            Status = RunStatus.Training,
            Attempts = r.Attempts + 1,
            ResumedFromStep = from,
            StartedAt = r.StartedAt ?? clock.GetUtcNow(),
            Host = $"{Environment.MachineName}:{Environment.ProcessId}",
            Components = used,
            Error = null,
        });
    }

    private static List<string> Used(PluginLease lease, IReadOnlyCollection<string> ids) =>
        [.. lease.Snapshot.Plugins.SelectMany(p => p.Components.Where(c => ids.Contains(c.Id))
            .Select(c => $"{c.Kind.ToString().ToLowerInvariant()}:{c.Id}@{c.Version} ({p.Name} {p.Version})"))];
}

using ClipHost.Engine.Training;

namespace ClipHost.Host.Commands;

/// <summary>
/// Writes a training run's progress into its record, at most every couple of seconds, so every host can show it; a
/// display (the CLI's progress bar) is told every step.
/// </summary>
internal sealed class RecordProgress(RunStore runs, string runId, TimeProvider clock, IProgress<TrainProgress>? display = null) : IProgress<TrainProgress>
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private TrainProgress? _pending;

    public void Report(TrainProgress value)
    {
        display?.Report(value);
        _pending = value;
        var now = clock.GetUtcNow();
        if (now - _last >= Every || value.Step == value.TotalSteps)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_pending is not { } p)
        {
            return;
        }
        var now = clock.GetUtcNow();
        runs.Update(runId, r => r with { Progress = new RunProgress(p.Step, p.TotalSteps, p.SamplesSeen, p.Loss, p.PairsPerSecond, p.Eta?.TotalSeconds, now) });
        _last = now;
        _pending = null;
    }
}

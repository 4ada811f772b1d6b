using ClipHost.Engine.Experiments;
using ClipHost.Engine.Training;

namespace ClipHost.Host.Commands;

/// <summary>The experiment config stored in a run record (validated before any handler reads it).</summary>
internal static class RunConfig
{
    public static ExperimentConfig Of(RunRecord record) =>
        ExperimentValidator.Parse(record.Config.GetRawText(), "config", $"run '{record.Id}'").Config
        ?? throw new InvalidOperationException($"run '{record.Id}' has an unreadable config");

    /// <summary>Training and evaluation run on a dedicated thread: TorchSharp's dispose scopes are per thread.</summary>
    public static Task<T> OnTorchThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}

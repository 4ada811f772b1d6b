using System.Globalization;
using ClipHost.Engine.Checkpoints;

namespace ClipHost.Host.Runs;

/// <summary>A run's checkpoint by step, or its latest; the error names the steps there are.</summary>
public static class RunCheckpoints
{
    public static (string? Folder, OptionError? Error) Find(string runDirectory, long? step)
    {
        var store = new CheckpointStore(runDirectory);
        if (step is null)
        {
            return store.Latest is { } latest ? (latest, null) : (null, new OptionError("run", $"run '{Path.GetFileName(runDirectory)}' has no checkpoint to evaluate"));
        }
        var folder = Path.Combine(store.Root, string.Create(CultureInfo.InvariantCulture, $"step-{step:D8}"));
        if (Directory.Exists(folder))
        {
            return (folder, null);
        }
        var steps = Directory.Exists(store.Root)
            ? Directory.EnumerateDirectories(store.Root, "step-*").Select(d => long.Parse(Path.GetFileName(d)[5..], CultureInfo.InvariantCulture)).Order().ToList()
            : [];
        return (null, new OptionError("step", $"run '{Path.GetFileName(runDirectory)}' has no checkpoint at step {step}; it has {(steps.Count == 0 ? "none" : string.Join(", ", steps))}"));
    }
}

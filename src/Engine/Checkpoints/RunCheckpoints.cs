using System.Globalization;
using ClipHost.Abstractions.Options;

namespace ClipHost.Engine.Checkpoints;

/// <summary>A run's checkpoint by step, or its latest; the error names the steps there are, under the caller's field names.</summary>
public static class RunCheckpoints
{
    public static (string? Folder, OptionError? Error) Find(string runDirectory, long? step, string runField = "run", string stepField = "step")
    {
        var store = new CheckpointStore(runDirectory);
        if (step is null)
        {
            return store.Latest is { } latest ? (latest, null) : (null, new OptionError(runField, $"run '{Path.GetFileName(runDirectory)}' has no checkpoint yet"));
        }
        var folder = Path.Combine(store.Root, string.Create(CultureInfo.InvariantCulture, $"step-{step:D8}"));
        if (Directory.Exists(folder))
        {
            return (folder, null);
        }
        var steps = Directory.Exists(store.Root)
            ? Directory.EnumerateDirectories(store.Root, "step-*").Select(d => long.Parse(Path.GetFileName(d)[5..], CultureInfo.InvariantCulture)).Order().ToList()
            : [];
        return (null, new OptionError(stepField, $"run '{Path.GetFileName(runDirectory)}' has no checkpoint at step {step}; it has {(steps.Count == 0 ? "none" : string.Join(", ", steps))}"));
    }
}

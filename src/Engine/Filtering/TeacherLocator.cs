using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Filtering;

/// <summary>
/// Finds the checkpoint a teacher names: a run id under the runs root (its latest checkpoint), or a path inside the runs
/// root (absolute, or relative to it) to a run folder (its latest checkpoint) or to a checkpoint folder itself. A path
/// that leads outside the runs root, through ".." or a link, names nothing: a request must not read other folders.
/// </summary>
public static class TeacherLocator
{
    /// <summary>The checkpoint folder, or null when the teacher names nothing complete inside the runs root.</summary>
    public static string? Find(string teacher, string runsRoot) => Locate(teacher, runsRoot).Checkpoint;

    /// <summary>The checkpoint folder, or why there is none (the message names the teacher and the runs root).</summary>
    public static (string? Checkpoint, string? Problem) Locate(string teacher, string runsRoot)
    {
        if (string.IsNullOrWhiteSpace(teacher))
        {
            return (null, "no teacher given: name a run id or a run or checkpoint folder inside the runs root");
        }
        if (Identifier.IsValid(teacher) && Directory.Exists(Path.Combine(runsRoot, teacher)))
        {
            return Found(new CheckpointStore(Path.Combine(runsRoot, teacher)).Latest);
        }
        if (RootedPath.Inside(runsRoot, teacher) is not { } path)
        {
            return (null, $"'{teacher}' is outside the runs root {runsRoot}; a teacher is a run id or a run or checkpoint folder inside it");
        }
        if (IsCheckpoint(path))
        {
            return (path, null);
        }
        return Found(Directory.Exists(path) ? new CheckpointStore(path).Latest : null);

        (string?, string?) Found(string? checkpoint) =>
            checkpoint is null ? (null, $"no run or checkpoint '{teacher}' under {runsRoot}") : (checkpoint, null);
    }

    private static bool IsCheckpoint(string folder) =>
        File.Exists(Path.Combine(folder, CheckpointStore.Weights))
        && File.Exists(Path.Combine(folder, CheckpointStore.ModelConfig))
        && File.Exists(Path.Combine(folder, CheckpointStore.Tokenizer));
}

using ClipHost.Engine.Checkpoints;

namespace ClipHost.Engine.Filtering;

/// <summary>
/// Finds the checkpoint a teacher names: a run id under the runs root (its latest checkpoint), or a path to a run folder
/// (its latest checkpoint) or to a checkpoint folder itself.
/// </summary>
public static class TeacherLocator
{
    /// <summary>The checkpoint folder, or null when the teacher names nothing complete.</summary>
    public static string? Find(string teacher, string runsRoot)
    {
        if (string.IsNullOrWhiteSpace(teacher))
        {
            return null;
        }
        var isRunId = teacher.IndexOfAny(['/', '\\']) < 0 && teacher is not "." and not "..";
        if (isRunId && Directory.Exists(Path.Combine(runsRoot, teacher)))
        {
            return new CheckpointStore(Path.Combine(runsRoot, teacher)).Latest;
        }
        var path = Path.GetFullPath(teacher);
        if (IsCheckpoint(path))
        {
            return path;
        }
        return Directory.Exists(path) ? new CheckpointStore(path).Latest : null;
    }

    private static bool IsCheckpoint(string folder) =>
        File.Exists(Path.Combine(folder, CheckpointStore.Weights))
        && File.Exists(Path.Combine(folder, CheckpointStore.ModelConfig))
        && File.Exists(Path.Combine(folder, CheckpointStore.Tokenizer));
}

namespace ClipHost.Host.Runs;

/// <summary>
/// One trainer per run at a time, across processes: the trainer holds <c>&lt;run&gt;/.training.lock</c> open without
/// sharing while it trains (on Linux .NET takes an advisory <c>flock</c> for that), so a second <c>clip-host train</c>
/// of the same run, or a second search process reaching the same trial, is refused instead of writing the same
/// checkpoints. The kernel drops the lock when its process dies, however it dies, so a killed trainer never leaves a
/// run locked: the next attempt resumes from the checkpoint as before.
/// </summary>
public sealed class RunTrainingLock : IDisposable
{
    public const string FileName = ".training.lock";

    private readonly FileStream _file;

    private RunTrainingLock(FileStream file) => _file = file;

    /// <summary>Takes the run's lock, or throws <see cref="RunBusyException"/> naming the run and who holds it by its record.</summary>
    public static RunTrainingLock Take(string runDirectory, string runId, string? holder)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        try
        {
            return new RunTrainingLock(new FileStream(Path.Combine(runDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new RunBusyException($"run '{runId}' is being trained by another process{(holder is null ? string.Empty : $" ({holder}, by its record)")}; wait for it to end or stop it, then train it again to resume");
        }
    }

    public void Dispose() => _file.Dispose();
}

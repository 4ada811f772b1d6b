namespace ClipHost.Engine.Checkpoints;

/// <summary>
/// A checkpoint could not be written (a full disk, a quota, a read-only mount): names the checkpoint, the cause, and
/// the checkpoint still in force, which a later run resumes from once the cause is gone.
/// </summary>
public sealed class CheckpointWriteException(string message, Exception inner) : IOException(message, inner);

namespace ClipHost.Host.Jobs;

/// <summary>The job storage refused or could not be reached while queueing: nothing was queued, and the caller may retry.</summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);

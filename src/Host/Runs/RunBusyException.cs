namespace ClipHost.Host.Runs;

/// <summary>
/// Another process is training the run now (<see cref="RunTrainingLock"/>). Not a bad submission but a busy run: the CLI
/// says so and exits 1, as for a run busy in a live process; the API answers 409; a job fails and Hangfire retries it.
/// </summary>
public sealed class RunBusyException(string message) : Exception(message);

namespace ClipHost.Host.Tests.Faults;

/// <summary>
/// One CLI verb under fault injection: how to start it in a trial's folders, what a trial's folders hold before it,
/// what would be half-written after a kill, and a fingerprint of its finished output to compare with an
/// uninterrupted run's.
/// </summary>
/// <param name="Name">The verb as the figures table names it.</param>
/// <param name="Args">clip-host's arguments for a trial folder.</param>
/// <param name="Seed">Copies into a fresh trial folder what the verb needs from the workspace.</param>
/// <param name="HalfWritten">Whatever looks complete but is not, after a kill; empty when every artefact is complete or marked partial.</param>
/// <param name="Fingerprint">The finished output, as bytes or values that an identical run reproduces exactly.</param>
public sealed record FaultVerb(
    string Name,
    Func<TempDir, string[]> Args,
    Action<TempDir> Seed,
    Func<TempDir, IReadOnlyList<string>> HalfWritten,
    Func<TempDir, string> Fingerprint);

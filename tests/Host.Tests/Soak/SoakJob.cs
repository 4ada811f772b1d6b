namespace ClipHost.Host.Tests.Soak;

/// <summary>The three kinds of job a soak mixes, all small: a tiny training, a folder import, a random-subset filter.</summary>
public enum SoakJobKind
{
    Run,
    Import,
    Filter,
}

/// <summary>One submitted job: what it is, its name (run id, store or subset), its Hangfire job id, the host it went to.</summary>
public sealed record SoakJob(int Index, SoakJobKind Kind, string Name, string JobId, int SubmittedTo)
{
    /// <summary>Half trainings (the training queue), a quarter imports and a quarter filters (the default queue).</summary>
    public static SoakJobKind KindOf(int index) => (index % 4) switch
    {
        1 => SoakJobKind.Import,
        3 => SoakJobKind.Filter,
        _ => SoakJobKind.Run,
    };
}

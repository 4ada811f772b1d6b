namespace ClipHost.Host.Commands;

/// <summary>
/// Writes a run's checkpoint (its latest, or <see cref="Step"/>'s) in another tool's layout into a new folder
/// <paramref name="Output"/>; today one format, "open_clip" (docs/interop.md).
/// </summary>
public sealed record ExportRunCommand(string RunId, string Format, string Output) : ICommand<RunExport>
{
    public const string OpenClip = "open_clip";

    public long? Step { get; init; }
}

/// <summary>What an export wrote: from which checkpoint, where, how many tensors.</summary>
public sealed record RunExport(string RunId, string Checkpoint, string Output, int Tensors);

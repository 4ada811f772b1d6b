using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>Where a run reads and writes, on which device, and how it treats an earlier run of the same name.</summary>
public sealed record TrainRunOptions
{
    public required string StoresRoot { get; init; }
    public required string RunsRoot { get; init; }
    public required Device Device { get; init; }

    /// <summary>Where data.subset names subsets; defaults to the data root's subsets/ next to <see cref="StoresRoot"/>.</summary>
    public string? SubsetsRoot { get; init; }

    /// <summary>The teacher score cache for data filters; defaults to the data root's scores/ next to <see cref="StoresRoot"/>.</summary>
    public string? ScoresRoot { get; init; }

    public string SubsetsFolder => SubsetsRoot ?? BesideStores(StoresRoot, "subsets");

    public string ScoresFolder => ScoresRoot ?? BesideStores(StoresRoot, "scores");

    /// <summary>A folder of the data root, which holds stores/, subsets/ and scores/ side by side (as the host lays it out).</summary>
    public static string BesideStores(string storesRoot, string name) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storesRoot))!, name);

    /// <summary>Discard an earlier run of the same name instead of resuming it.</summary>
    public bool Fresh { get; init; }

    /// <summary>Stop (with a checkpoint) after this many steps in this invocation, as an interruption would.</summary>
    public long? StopAfterSteps { get; init; }
}

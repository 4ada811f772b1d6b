using ClipHost.Abstractions.Options;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Training;

/// <summary>
/// A run's folder under the runs root and what lives in it: config.json, the checkpoints, the chosen training subset,
/// metrics.jsonl and compute.json. Runs are idempotent by name: opening discards an earlier run (fresh) or picks up its
/// latest checkpoint, refusing one trained with another config (the config hash guards the folder).
/// </summary>
public sealed class RunWorkspace
{
    private static readonly JsonSerializerOptions IndentedJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public RunWorkspace(DataLayout layout, string name)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Name = name;
        RunDirectory = layout.Run(name);
        Checkpoints = new CheckpointStore(RunDirectory);
    }

    public string Name { get; }

    public string RunDirectory { get; }

    public CheckpointStore Checkpoints { get; }

    /// <summary>Where the ids a run trains on and their lineage are written when filters or a subset chose them.</summary>
    public string SubsetFolder => Path.Combine(RunDirectory, TrainingSet.Folder);

    /// <summary>Whether an earlier invocation already chose the training subset (a resume reads it back).</summary>
    public bool HasChosenSubset => File.Exists(Path.Combine(SubsetFolder, SubsetFiles.Record));

    /// <summary>The hash of the config's training-relevant parts, set by <see cref="Open"/>.</summary>
    public string ConfigHash { get; private set; } = string.Empty;

    /// <summary>The checkpoint a resume starts from, or null for a new run.</summary>
    public string? ResumeFrom { get; private set; }

    /// <summary>Where the resumed run stood at <see cref="ResumeFrom"/>.</summary>
    public TrainingState? Resumed { get; private set; }

    private string ComputePath => Path.Combine(RunDirectory, "compute.json");

    /// <summary>Discards an earlier run (fresh) or resumes it when its config hash matches, then writes config.json.</summary>
    public void Open(ExperimentConfig config, bool fresh)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (fresh && Directory.Exists(RunDirectory))
        {
            Directory.Delete(RunDirectory, recursive: true);
        }
        ConfigHash = Experiments.ConfigHash.Of(config);
        ResumeFrom = Checkpoints.Latest;
        Resumed = ResumeFrom is null ? null : CheckpointStore.ReadState(ResumeFrom);
        if (Resumed is not null && Resumed.ConfigHash != ConfigHash)
        {
            throw new OptionsValidationFailedException([new OptionError("name", $"run '{Name}' exists at {RunDirectory} with a different config; pass --fresh to discard it or choose another name")]);
        }
        Directory.CreateDirectory(RunDirectory);
        WriteConfig(config);
    }

    /// <summary>config.json: the config as trained (with `auto` resolved once the precision is chosen).</summary>
    public void WriteConfig(ExperimentConfig config) =>
        File.WriteAllText(Path.Combine(RunDirectory, "config.json"), JsonSerializer.Serialize(config, ExperimentJson.Options));

    public bool HasCompute => File.Exists(ComputePath);

    /// <summary>Writes compute.json beside and renames it, so a kill never leaves one cut short.</summary>
    public void WriteCompute(RunCompute compute)
    {
        File.WriteAllText(ComputePath + ".tmp", JsonSerializer.Serialize(compute, IndentedJson));
        File.Move(ComputePath + ".tmp", ComputePath, overwrite: true);
    }

    /// <summary>metrics.jsonl, appended to: a resumed run continues the same file.</summary>
    public StreamWriter OpenMetrics() => new(Path.Combine(RunDirectory, "metrics.jsonl"), append: true);
}

using ClipHost.Abstractions.Options;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Model;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Interop;

/// <summary>
/// A model.init resolved to files: the weights, whether they are in open_clip's layout (with its config) or ClipHost's,
/// and the tokenizer beside them (the vocabulary a loaded text tower reads).
/// </summary>
public sealed record ModelInitSource(ModelInitConfig Config, string Weights, string? OpenClipConfig, string? Tokenizer)
{
    public bool OpenClipLayout => OpenClipConfig is not null;

    /// <summary>The field an error about these weights names: model.init.run or model.init.openClip.</summary>
    public string Field => OpenClipLayout ? "model.init.openClip" : "model.init.run";

    /// <summary>The checkpoint or export folder, for messages.</summary>
    public string Folder => Path.GetDirectoryName(Weights)!;

    /// <summary>The files an init names, or the error naming its field: an unknown run or step, a folder outside weights/ or without an export.</summary>
    public static (ModelInitSource? Source, OptionError? Error) Resolve(ModelInitConfig init, DataLayout layout)
    {
        ArgumentNullException.ThrowIfNull(init);
        ArgumentNullException.ThrowIfNull(layout);
        if (init.Run is { } run)
        {
            var directory = layout.Run(run, "model.init.run");
            if (!Directory.Exists(directory))
            {
                return (null, new OptionError("model.init.run", $"no run '{run}' under {layout.Runs}"));
            }
            var (folder, error) = RunCheckpoints.Find(directory, init.Step, "model.init.run", "model.init.step");
            return folder is null ? (null, error)
                : (new ModelInitSource(init, Path.Combine(folder, CheckpointStore.Weights), null, Existing(Path.Combine(folder, CheckpointStore.Tokenizer))), null);
        }
        if (layout.WeightsFolder(init.OpenClip!) is not { } path)
        {
            return (null, new OptionError("model.init.openClip", $"'{init.OpenClip}' is outside the data root's weights/ folder ({layout.Weights})"));
        }
        var weights = Path.Combine(path, OpenClipExport.Weights);
        var config = Path.Combine(path, OpenClipExport.Config);
        return File.Exists(weights) && File.Exists(config)
            ? (new ModelInitSource(init, weights, config, Existing(Path.Combine(path, CheckpointStore.Tokenizer))), null)
            : (null, new OptionError("model.init.openClip", $"{path} holds no {OpenClipExport.Weights} and {OpenClipExport.Config} (the folder `clip-host export --format open_clip` writes)"));
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;
}

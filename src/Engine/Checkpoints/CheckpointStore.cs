using ClipHost.Engine.Model;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Text;
using static TorchSharp.torch;

namespace ClipHost.Engine.Checkpoints;

/// <summary>
/// A run's checkpoints: checkpoints/step-NNNNNNNN/ holds model.safetensors and open_clip_config.json (open_clip's
/// layout), tokenizer.json, and the training state kept apart (state.json, optimizer.bin). The file
/// checkpoints/latest names the newest complete one and is written last, so a crash mid-save leaves the previous
/// checkpoint in force.
/// </summary>
public sealed class CheckpointStore(string runDirectory)
{
    /// <summary>The run's checkpoints/ folder; the names below are the files of each checkpoint in it.</summary>
    public string Root { get; } = Path.Combine(runDirectory, "checkpoints");

    public const string Weights = "model.safetensors";
    public const string ModelConfig = "open_clip_config.json";
    public const string Tokenizer = "tokenizer.json";
    public const string State = "state.json";
    public const string Optimizer = "optimizer.bin";
    private const string LatestFile = "latest";

    public string? Latest
    {
        get
        {
            var pointer = Path.Combine(Root, LatestFile);
            if (!File.Exists(pointer))
            {
                return null;
            }
            var dir = Path.Combine(Root, File.ReadAllText(pointer).Trim());
            return Directory.Exists(dir) ? dir : null;
        }
    }

    public string Save(ClipModel model, nn.Module? extra, MixedPrecision precision, ClipTokenizer tokenizer, TorchSharp.Modules.OptimizerHelper? optimizer, TrainingState state)
    {
        var name = $"step-{state.Step:D8}";
        var dir = Path.Combine(Root, name);
        var partial = dir + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }
        try
        {
            Directory.CreateDirectory(partial);
            SaveWeights(Path.Combine(partial, Weights), model, extra, precision);
            File.WriteAllText(Path.Combine(partial, ModelConfig), JsonSerializer.Serialize(new OpenClipConfig(model.Config), Json));
            tokenizer.Save(Path.Combine(partial, Tokenizer));
            optimizer?.save_state_dict(Path.Combine(partial, Optimizer));
            File.WriteAllText(Path.Combine(partial, State), JsonSerializer.Serialize(state, Json));
        }
        catch (IOException e)
        {
            // A full disk: give back what the unfinished checkpoint took (the room the user frees next is not eaten
            // by it) and say which checkpoint stays in force; `latest` was not touched.
            TryDelete(partial);
            throw new CheckpointWriteException($"checkpoint {dir} could not be written ({e.Message}); the previous checkpoint {Latest ?? "(none)"} is still the latest and the run resumes from it once there is room", e);
        }
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        Directory.Move(partial, dir);
        var pointer = Path.Combine(Root, LatestFile);
        File.WriteAllText(pointer + ".tmp", name);
        File.Move(pointer + ".tmp", pointer, overwrite: true);
        return dir;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next save of this step, which clears a stale partial folder first.
        }
    }

    /// <summary>Writes fp32 weights whatever the training precision (the masters of converted modules).</summary>
    public static void SaveWeights(string path, ClipModel model, nn.Module? extra, MixedPrecision? precision = null)
    {
        var tensors = model.state_dict().AsEnumerable();
        if (extra is not null)
        {
            tensors = tensors.Concat(extra.state_dict().Select(kv => KeyValuePair.Create($"strategy.{kv.Key}", kv.Value)));
        }
        if (precision is not null)
        {
            tensors = tensors.Select(kv => KeyValuePair.Create(kv.Key, precision.FullPrecision(kv.Key, kv.Value)));
        }
        SafeTensors.Save(path, tensors, new Dictionary<string, string> { ["format"] = "pt", ["producer"] = "ClipHost" });
    }

    /// <summary>Loads weights into a model built from the same config; every key must match.</summary>
    public static void LoadWeights(string path, ClipModel model, nn.Module? extra)
    {
        var tensors = SafeTensors.Load(path, out _);
        try
        {
            var own = tensors.Where(kv => !kv.Key.StartsWith("strategy.", StringComparison.Ordinal)).ToDictionary();
            Load(model, own, path);
            if (extra is not null)
            {
                Load(extra, tensors.Where(kv => kv.Key.StartsWith("strategy.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key["strategy.".Length..], kv => kv.Value), path);
            }
        }
        finally
        {
            foreach (var t in tensors.Values)
            {
                t.Dispose();
            }
        }
    }

    /// <summary>A checkpoint's model in eval mode on the device, fp32: what evaluation and teachers score with.</summary>
    public static ClipModel LoadModel(string checkpoint, IComponentRegistry registry, Device device)
    {
        var model = ModelFactory.Build(ReadModelConfig(checkpoint), 0, registry);
        try
        {
            LoadWeights(System.IO.Path.Combine(checkpoint, Weights), model, null);
            model.to(device);
            model.eval();
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public static TrainingState ReadState(string checkpoint) =>
        JsonSerializer.Deserialize<TrainingState>(File.ReadAllText(Path.Combine(checkpoint, State)), Json)
        ?? throw new InvalidDataException($"{checkpoint}/{State} is empty");

    public static ClipModelConfig ReadModelConfig(string checkpoint) =>
        JsonSerializer.Deserialize<OpenClipConfig>(File.ReadAllText(Path.Combine(checkpoint, ModelConfig)), Json)?.ModelCfg
        ?? throw new InvalidDataException($"{checkpoint}/{ModelConfig} is empty");

    private static void Load(nn.Module module, Dictionary<string, Tensor> tensors, string path)
    {
        var expected = module.state_dict();
        var missing = expected.Keys.Except(tensors.Keys).ToList();
        var unexpected = tensors.Keys.Except(expected.Keys).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            throw new InvalidDataException($"{path} does not fit this model: missing [{string.Join(", ", missing.Take(5))}], unexpected [{string.Join(", ", unexpected.Take(5))}]");
        }
        using var _ = no_grad();
        foreach (var (key, target) in expected)
        {
            var source = tensors[key];
            if (!source.shape.SequenceEqual(target.shape))
            {
                throw new InvalidDataException($"{path}: '{key}' has shape [{string.Join(", ", source.shape)}], the model expects [{string.Join(", ", target.shape)}]");
            }
            target.copy_(source);
        }
    }

    // A state file missing a field is a damaged checkpoint, not one at step 0: refuse it rather than resume wrongly.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, RespectRequiredConstructorParameters = true };

    /// <summary>open_clip's hub config layout: model_cfg plus preprocess_cfg.</summary>
    private sealed record OpenClipConfig(ClipModelConfig ModelCfg)
    {
        public object PreprocessCfg => new { Mean = ClipModelConfig.Mean, Std = ClipModelConfig.Std, ModelCfg.Vision.ImageSize };
    }
}

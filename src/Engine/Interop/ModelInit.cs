using System.Text.Json.Nodes;
using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Model;
using ClipHost.Engine.Paths;
using static TorchSharp.torch;

namespace ClipHost.Engine.Interop;

/// <summary>
/// Starts a model from the weights model.init names (<see cref="ModelInitSource"/>): checked before any work (the
/// source, its tokenizer, and every tensor's name and shape against a model built from the run's config), loaded over
/// the seeded weights of the towers it names, and frozen where it says.
/// </summary>
public static class ModelInit
{
    /// <summary>What is wrong with a config's model.init, each error naming its field and, for weights, the tensor.</summary>
    public static IReadOnlyList<OptionError> Validate(ClipModelConfig model, long seed, IComponentRegistry registry, DataLayout layout)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Init is null)
        {
            return [];
        }
        var (source, error) = ModelInitSource.Resolve(model.Init, layout);
        if (source is null)
        {
            return [error!];
        }
        if (model.Init.Towers.Contains("text") && source.Tokenizer is null)
        {
            return [new OptionError("model.init.towers", $"a loaded text tower reads the vocabulary it was trained with, and {source.Folder} has no {CheckpointStore.Tokenizer}; load only the visual tower, or put the tokenizer beside the weights")];
        }
        using var clip = ModelFactory.Build(model, seed, registry);
        using var scope = NewDisposeScope();
        try
        {
            _ = Read(source, clip);
            return [];
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException)
        {
            return [new OptionError(source.Field, e.Message)];
        }
    }

    /// <summary>Copies the source's tensors of the towers it names over the model's seeded ones (before any precision conversion).</summary>
    public static void Apply(ModelInitSource source, ClipModel model)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        var tensors = Read(source, model);
        var own = model.state_dict();
        using var _ = no_grad();
        foreach (var (key, value) in tensors)
        {
            own[key].copy_(value);
        }
    }

    /// <summary>Turns off the gradients of the parameters of the towers model.init freezes.</summary>
    public static void Freeze(ModelInitConfig? init, ClipModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (init is null || init.Freeze.Count == 0)
        {
            return;
        }
        foreach (var (name, parameter) in model.named_parameters().Where(p => init.Freezes(p.name)))
        {
            parameter.requires_grad = false;
        }
        model.FrozenTowers = init.Freeze;
    }

    /// <summary>The source's tensors under ClipHost's names for the keys the init loads, each checked against the model (in the caller's dispose scope).</summary>
    private static Dictionary<string, Tensor> Read(ModelInitSource source, ClipModel model)
    {
        var init = source.Config;
        if (source.OpenClipConfig is { } configPath)
        {
            var config = JsonNode.Parse(File.ReadAllText(configPath))?["model_cfg"] as JsonObject
                ?? throw new InvalidDataException($"{configPath} has no model_cfg object");
            var differences = OpenClipImport.ConfigDifferences(config, model, init.Towers.Contains("visual"));
            if (differences.Count > 0)
            {
                throw new InvalidDataException($"{configPath} describes another model: {string.Join("; ", differences.Select(d => $"{d.Path} is {d.File}, the run's model has {d.Model}"))}");
            }
            return OpenClipImport.ToClipHost(SafeTensors.Load(source.Weights, out _), model, init.Loads, source.Weights);
        }
        var tensors = SafeTensors.Load(source.Weights, out _);
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, target) in model.state_dict().Where(kv => init.Loads(kv.Key)))
        {
            if (!tensors.TryGetValue(key, out var value))
            {
                throw new InvalidDataException($"{source.Weights}: tensor '{key}' is missing");
            }
            if (!value.shape.SequenceEqual(target.shape))
            {
                throw new InvalidDataException($"{source.Weights}: tensor '{key}' has shape [{string.Join(", ", value.shape)}]; the run's model needs [{string.Join(", ", target.shape)}]");
            }
            result[key] = value;
        }
        return result;
    }
}

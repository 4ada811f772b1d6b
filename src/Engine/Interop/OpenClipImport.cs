using System.Globalization;
using System.Text.Json.Nodes;
using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Model;
using static TorchSharp.torch;

namespace ClipHost.Engine.Interop;

/// <summary>
/// Reads open_clip's layout back into ClipHost's names for a model built from a run's config: the inverse of
/// <see cref="OpenClipExport"/>, key by key (each of the model's keys asks the export for its open_clip name, so the
/// two directions cannot drift apart). Every error names the tensor in both layouts.
/// </summary>
public static class OpenClipImport
{
    /// <summary>
    /// The model's keys that <paramref name="wanted"/> selects, each with its tensor from <paramref name="openClip"/> in
    /// ClipHost's shape (projections transposed back; views of the caller's tensors, or new ones the caller disposes with them).
    /// </summary>
    /// <exception cref="InvalidDataException">A tensor is missing, has another shape, or open_clip's layout cannot give it back.</exception>
    public static Dictionary<string, Tensor> ToClipHost(IReadOnlyDictionary<string, Tensor> openClip, ClipModel model, Func<string, bool> wanted, string source)
    {
        ArgumentNullException.ThrowIfNull(openClip);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(wanted);
        var vision = model.Visual as IOpenClipVision;
        // The image tower's form matters only when it is read: a text tower can come from open_clip beside any image tower.
        if (model.state_dict().Keys.Any(k => k.StartsWith("visual", StringComparison.Ordinal) && wanted(k)) && OpenClipExport.Refusal(model) is { } refusal)
        {
            throw new InvalidDataException($"{source}: {refusal}");
        }
        var own = model.state_dict();
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        if (wanted("visual_projection.weight") && vision!.OpenClipFoldedProjection is { } layer)
        {
            // Before any tensor of the tower: a projection that cannot be unfolded is the reason, not the pool's shape.
            result["visual_projection.weight"] = Unfolded(own["visual_projection.weight"], layer, source);
        }
        foreach (var (key, target) in own.Where(kv => wanted(kv.Key) && !result.ContainsKey(kv.Key)))
        {
            var name = OpenClipExport.OpenClipName(key, vision!);
            if (!openClip.TryGetValue(name, out var tensor))
            {
                throw new InvalidDataException($"{source}: tensor '{name}' (the model's {key}) is missing");
            }
            var transposed = OpenClipExport.Transposed(key, vision);
            var value = transposed ? tensor.t() : tensor;
            if (!value.shape.SequenceEqual(target.shape))
            {
                throw new InvalidDataException($"{source}: tensor '{name}' has shape [{Shape(tensor)}]; the model's {key} needs [{Shape(transposed ? target.t() : target)}]");
            }
            result[key] = value;
        }
        return result;
    }

    /// <summary>
    /// The differences between an export's model_cfg and the one the run's model would write, each as
    /// (path, the file's value, the model's value); fields the file leaves out take open_clip's defaults and are not compared.
    /// </summary>
    /// <param name="visual">Whether the image tower is read (its vision_cfg is compared only then).</param>
    public static IReadOnlyList<(string Path, string File, string Model)> ConfigDifferences(JsonObject fileModelCfg, ClipModel model, bool visual)
    {
        ArgumentNullException.ThrowIfNull(fileModelCfg);
        ArgumentNullException.ThrowIfNull(model);
        var expected = visual
            ? OpenClipExport.ConfigJson(model)["model_cfg"]!.AsObject()
            : new JsonObject { ["embed_dim"] = model.Config.EmbedDim, ["text_cfg"] = OpenClipExport.TextConfigJson(model) };
        var found = new List<(string, string, string)>();
        Compare(fileModelCfg, expected, "model_cfg", found);
        return found;
    }

    private static void Compare(JsonObject file, JsonObject expected, string path, List<(string, string, string)> found)
    {
        foreach (var (key, want) in expected)
        {
            if (!file.TryGetPropertyValue(key, out var have) || have is null)
            {
                continue;
            }
            if (want is JsonObject inner)
            {
                if (have is JsonObject haveInner)
                {
                    Compare(haveInner, inner, $"{path}.{key}", found);
                }
                else
                {
                    found.Add(($"{path}.{key}", have.ToJsonString(), "an object"));
                }
            }
            else if (!Same(have, want!))
            {
                found.Add(($"{path}.{key}", have.ToJsonString(), want!.ToJsonString()));
            }
        }
    }

    // 4 and 4.0 are the same mlp_ratio; [2, 2] and [2.0, 2.0] the same layers.
    private static bool Same(JsonNode a, JsonNode b) => (a, b) switch
    {
        (JsonValue x, JsonValue y) when x.TryGetValue<double>(out var dx) && y.TryGetValue<double>(out var dy) => dx == dy,
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => p.First is not null && p.Second is not null && Same(p.First, p.Second)),
        _ => a.ToJsonString() == b.ToJsonString(),
    };

    // open_clip folded ClipHost's projection P into the pool's last Linear (P W, P b). With P square the folded Linear and an
    // identity P compute exactly the same embedding; a P that changes the width cannot be taken back out of the product.
    private static Tensor Unfolded(Tensor projection, string layer, string source)
    {
        if (projection.shape[0] != projection.shape[1])
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: open_clip folds the visual projection into visual.{layer}, which ClipHost can take back only when the tower's {projection.shape[1]} features equal embed_dim {projection.shape[0]}"));
        }
        return eye(projection.shape[0], dtype: ScalarType.Float32);
    }

    private static string Shape(Tensor t) => string.Join(", ", t.shape);
}

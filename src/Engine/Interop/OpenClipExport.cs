using System.Text.Json.Nodes;
using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Model;
using ClipHost.Engine.Text;
using ClipHost.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Interop;

/// <summary>
/// A trained model in open_clip's layout, as its CLIP class (built from <c>model_cfg</c>) names and shapes its state
/// dict: the image tower under <c>visual.</c> with the names its plugin gives (<see cref="IOpenClipVision"/>), the
/// text tower at the top level (token_embedding, positional_embedding, transformer.resblocks.N, ln_final), the two
/// projections as open_clip's matrices (<c>visual.proj</c> and <c>text_projection</c>, [width, embed_dim]: used as
/// <c>x @ proj</c>, so the transpose of a Linear's weight) and logit_scale. The text tower pools at the end-of-text
/// token, which open_clip calls <c>pool_type: "eos"</c> with this tokenizer's <c>eos_id</c>.
/// </summary>
public static class OpenClipExport
{
    public const string Weights = "open_clip_model.safetensors";
    public const string Config = "open_clip_config.json";

    /// <summary>Why <paramref name="model"/> cannot be written in open_clip's layout; null when it can.</summary>
    public static string? Refusal(ClipModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Visual is not IOpenClipVision vision
            ? $"the image tower '{model.Config.Vision.Architecture}' has no open_clip equivalent: its plugin does not say how open_clip builds it (open_clip builds ViT and ModifiedResNet towers itself, others through timm; docs/interop.md)"
            : vision.OpenClipRefusal;
    }

    /// <summary>The state dict under open_clip's names, each tensor a new CPU tensor (floats as fp32) the caller disposes.</summary>
    public static Dictionary<string, Tensor> StateDict(ClipModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var vision = model.Visual as IOpenClipVision ?? throw new InvalidOperationException(Refusal(model));
        var own = model.state_dict();
        var named = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, tensor) in own)
        {
            if (key == "visual_projection.weight" && vision.OpenClipFoldedProjection is not null)
            {
                continue;
            }
            var value = Cpu(tensor);
            named[OpenClipName(key, vision)] = Transposed(key, vision) ? value.t().contiguous() : value;
        }
        if (vision.OpenClipFoldedProjection is { } layer)
        {
            // open_clip's tower ends in this Linear; ClipHost's projection P follows it: P (W x + b) = (P W) x + P b.
            using var projection = Cpu(own["visual_projection.weight"]);
            foreach (var part in new[] { "weight", "bias" })
            {
                var name = $"visual.{vision.OpenClipName($"{layer}.{part}")}";
                using var inner = named[name];
                named[name] = part == "weight" ? projection.matmul(inner) : projection.matmul(inner.unsqueeze(1)).squeeze(1);
            }
        }
        return named;
    }

    internal static string OpenClipName(string key, IOpenClipVision vision) => key switch
    {
        "visual_projection.weight" => vision.OpenClipProjectionLinear is { } linear ? "visual." + linear : "visual.proj",
        "text_projection.weight" => "text_projection",
        "logit_scale" => key,
        _ when key.StartsWith("visual.", StringComparison.Ordinal) => "visual." + vision.OpenClipName(key["visual.".Length..]),
        _ when key.StartsWith("text.", StringComparison.Ordinal) => TransformerBlock.OpenClipName(key["text.".Length..]),
        _ => throw new InvalidOperationException($"'{key}' has no open_clip name"),
    };

    /// <summary>Whether open_clip holds <paramref name="key"/> as a matrix applied as <c>x @ m</c>: the transpose of ClipHost's Linear weight.</summary>
    internal static bool Transposed(string key, IOpenClipVision? vision) =>
        key == "text_projection.weight" || (key == "visual_projection.weight" && vision?.OpenClipProjectionLinear is null);

    // Floating tensors as fp32 (a bf16 run's weights too); integer buffers (BatchNorm's num_batches_tracked) keep their type.
    private static Tensor Cpu(Tensor t) => (t.is_floating_point() ? t.detach().to(ScalarType.Float32) : t.detach()).cpu().contiguous();

    /// <summary>open_clip's hub config: <c>model_cfg</c> (embed_dim, vision_cfg, text_cfg) and <c>preprocess_cfg</c>.</summary>
    public static JsonObject ConfigJson(ClipModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var vision = model.Visual as IOpenClipVision ?? throw new InvalidOperationException(Refusal(model));
        return new JsonObject
        {
            ["model_cfg"] = new JsonObject
            {
                ["embed_dim"] = model.Config.EmbedDim,
                ["vision_cfg"] = vision.OpenClipVisionConfig(),
                ["text_cfg"] = TextConfigJson(model),
            },
            ["preprocess_cfg"] = new JsonObject
            {
                ["size"] = model.Config.Vision.ImageSize,
                ["mean"] = new JsonArray([.. ClipModelConfig.Mean.Select(m => JsonValue.Create((double)m))]),
                ["std"] = new JsonArray([.. ClipModelConfig.Std.Select(m => JsonValue.Create((double)m))]),
            },
        };
    }

    /// <summary>open_clip's <c>text_cfg</c> for the model's text tower (pooled at the end-of-text token).</summary>
    public static JsonObject TextConfigJson(ClipModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = model.Config.Text;
        return new JsonObject
        {
            ["context_length"] = text.ContextLength,
            ["vocab_size"] = text.VocabSize,
            ["width"] = text.Width,
            ["heads"] = text.Heads,
            ["layers"] = text.Layers,
            ["mlp_ratio"] = text.MlpWidth / (double)text.Width,
            ["pool_type"] = "eos",
            ["eos_id"] = ClipTokenizer.EndOfText,
            ["pad_id"] = ClipTokenizer.Pad,
        };
    }

    /// <summary>
    /// Writes the weights, the config and the checkpoint's tokenizer into <paramref name="output"/>: first into a
    /// sibling folder, renamed into place at the end, so a crash leaves no half-written export.
    /// </summary>
    public static void Write(ClipModel model, string checkpoint, string output)
    {
        ArgumentNullException.ThrowIfNull(model);
        var partial = $"{Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar)}.partial-{Environment.ProcessId}";
        Directory.CreateDirectory(partial);
        var tensors = StateDict(model);
        try
        {
            SafeTensors.Save(Path.Combine(partial, Weights), tensors, new Dictionary<string, string> { ["format"] = "pt", ["producer"] = "ClipHost", ["layout"] = "open_clip" });
        }
        finally
        {
            foreach (var t in tensors.Values)
            {
                t.Dispose();
            }
        }
        File.WriteAllText(Path.Combine(partial, Config), ConfigJson(model).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (File.Exists(Path.Combine(checkpoint, CheckpointStore.Tokenizer)))
        {
            File.Copy(Path.Combine(checkpoint, CheckpointStore.Tokenizer), Path.Combine(partial, CheckpointStore.Tokenizer));
        }
        Directory.Move(partial, output);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Interop;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Interop;

/// <summary>
/// A model in open_clip's layout: every tensor under the name and in the shape open_clip's CLIP class gives it, the
/// model config in open_clip's schema, and towers open_clip cannot build refused naming why.
/// </summary>
public sealed class OpenClipExportTests
{
    private static ClipModel Build(string architecture = "vit", string options = """{"patchSize": 4, "width": 64, "depth": 2, "heads": 2}""")
    {
        var tiny = TinyExperiments.Tiny("export", samples: 64);
        var size = architecture == "resnet" ? 32 : tiny.Model.Vision.ImageSize;
        var model = tiny.Model with { Vision = tiny.Model.Vision with { Architecture = architecture, ImageSize = size, Options = JsonDocument.Parse(options).RootElement } };
        return ModelFactory.Build(model, 0, StaticRegistry.Instance);
    }

    [Fact]
    public void AViT_HasOpenClipsNamesAndShapes_TheProjectionsTransposed()
    {
        using var model = Build();
        var own = model.state_dict();
        var exported = OpenClipExport.StateDict(model);
        try
        {
            Assert.Equal(own.Count, exported.Count);
            Assert.DoesNotContain(exported.Keys, k => k.Contains("in_proj.", StringComparison.Ordinal) || k.StartsWith("text.", StringComparison.Ordinal) || k.Contains("_projection.weight", StringComparison.Ordinal));
            Assert.Equal([64L, 32L], exported["visual.proj"].shape);
            Assert.Equal([64L, 32L], exported["text_projection"].shape);
            Assert.True(exported["visual.proj"].allclose(own["visual_projection.weight"].t(), rtol: 0, atol: 0));
            Assert.True(exported["text_projection"].allclose(own["text_projection.weight"].t(), rtol: 0, atol: 0));
            Assert.Equal([192L, 64L], exported["visual.transformer.resblocks.1.attn.in_proj_weight"].shape);
            Assert.Equal([192L], exported["transformer.resblocks.0.attn.in_proj_bias"].shape);
            Assert.Equal([512L, 64L], exported["token_embedding.weight"].shape);
            Assert.Equal([12L, 64L], exported["positional_embedding"].shape);
            Assert.Contains("ln_final.weight", exported.Keys);
            Assert.Contains("visual.class_embedding", exported.Keys);
            Assert.Contains("logit_scale", exported.Keys);
        }
        finally
        {
            foreach (var t in exported.Values)
            {
                t.Dispose();
            }
        }
    }

    [Fact]
    public void TheConfig_IsOpenClipsSchema_PoolingTheTextAtTheEndOfTextToken()
    {
        using var model = Build();
        var config = OpenClipExport.ConfigJson(model);

        var cfg = config["model_cfg"]!;
        Assert.Equal(32, cfg["embed_dim"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"image_size": 16, "layers": 2, "width": 64, "patch_size": 4, "head_width": 32, "mlp_ratio": 4.0}"""), cfg["vision_cfg"]));
        Assert.Equal("eos", cfg["text_cfg"]!["pool_type"]!.GetValue<string>());
        Assert.Equal(2, cfg["text_cfg"]!["eos_id"]!.GetValue<int>());
        Assert.Equal(2.0, cfg["text_cfg"]!["mlp_ratio"]!.GetValue<double>());
        Assert.Equal(3, config["preprocess_cfg"]!["mean"]!.AsArray().Count);
    }

    [Fact]
    public void Written_TheExportReadsBack_AndNoPartialFolderRemains()
    {
        using var model = Build();
        var root = Directory.CreateTempSubdirectory("export-");
        try
        {
            var output = Path.Combine(root.FullName, "oc");
            OpenClipExport.Write(model, root.FullName, output);

            var back = SafeTensors.Load(Path.Combine(output, OpenClipExport.Weights), out var metadata);
            Assert.Equal("open_clip", metadata["layout"]);
            Assert.Contains("visual.proj", back.Keys);
            back.Values.ToList().ForEach(t => t.Dispose());
            Assert.True(File.Exists(Path.Combine(output, OpenClipExport.Config)));
            Assert.Equal(["oc"], Directory.GetDirectories(root.FullName).Select(Path.GetFileName));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void TowersOpenClipCannotBuild_AreRefused_NamingWhy()
    {
        using var mean = Build(options: """{"patchSize": 4, "width": 64, "depth": 1, "heads": 2, "pool": "mean"}""");
        Assert.Contains("pool \"mean\"", OpenClipExport.Refusal(mean), StringComparison.Ordinal);
        using var mixer = Build("mixer", """{"preset": "mini"}""");
        Assert.Contains("timm names a Mixer by its patch, depth and width", OpenClipExport.Refusal(mixer), StringComparison.Ordinal);
        using var smallStem = Build("resnet", """{"width": 8, "layers": [1, 1, 1, 1], "stemStride": 1}""");
        Assert.Contains("stem of stride 4", OpenClipExport.Refusal(smallStem), StringComparison.Ordinal);
        using var vit = Build();
        Assert.Null(OpenClipExport.Refusal(vit));
    }

    [Theory]
    [InlineData("convnext", "convnext_tiny", "visual.trunk.stages.3.downsample.1.weight")]
    [InlineData("swin", "swin_tiny_patch4_window7_224", "visual.trunk.layers.3.downsample.reduction.weight")]
    public void ATimmTower_IsWrittenUnderTrunk_TheProjectionAsTheHeadsLinear_AndReadsBackExactly(string architecture, string timmName, string timmKey)
    {
        using var model = Build(architecture, """{"preset": "mini"}""");
        Assert.Null(OpenClipExport.Refusal(model));
        var vision = OpenClipExport.ConfigJson(model)["model_cfg"]!["vision_cfg"]!;
        Assert.Equal(timmName, vision["timm_model_name"]!.GetValue<string>());
        Assert.Equal("avg", vision["timm_pool"]!.GetValue<string>());
        Assert.NotNull(vision["timm_model_kwargs"]!["depths"]);
        var own = model.state_dict();
        var exported = OpenClipExport.StateDict(model);
        try
        {
            Assert.All(exported.Keys.Where(k => k.StartsWith("visual.", StringComparison.Ordinal)), k => Assert.True(k.StartsWith("visual.trunk.", StringComparison.Ordinal) || k == "visual.head.proj.weight", k));
            // A Linear weight in both layouts: not transposed, unlike a ViT's visual.proj.
            Assert.True(exported["visual.head.proj.weight"].allclose(own["visual_projection.weight"], rtol: 0, atol: 0));
            Assert.Contains(timmKey, exported.Keys);
            var back = OpenClipImport.ToClipHost(exported, model, _ => true, "export");
            Assert.Equal(own.Count, back.Count);
            Assert.All(own, kv => Assert.True(kv.Value.allclose(back[kv.Key], rtol: 0, atol: 0), kv.Key));
        }
        finally
        {
            foreach (var t in exported.Values)
            {
                t.Dispose();
            }
        }
    }
}

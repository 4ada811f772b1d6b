using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Model;

public sealed class ClipModelTests
{
    [Fact]
    public void Build_SameSeed_SameInitialWeights_OtherSeed_Different()
    {
        using var a = TinyExperiments.BuildModel(TinyExperiments.Tiny("a", 64, seed: 3));
        using var b = TinyExperiments.BuildModel(TinyExperiments.Tiny("b", 64, seed: 3));
        using var c = TinyExperiments.BuildModel(TinyExperiments.Tiny("c", 64, seed: 4));
        var (sa, sb, sc) = (a.state_dict(), b.state_dict(), c.state_dict());
        Assert.All(sa.Keys, k => Assert.True(sa[k].eq(sb[k]).all().item<bool>(), k));
        Assert.Contains(sa.Keys, k => !sa[k].eq(sc[k]).all().item<bool>());
    }

    [Fact]
    public void StateDictKeys_FollowOpenClipNames()
    {
        using var model = TinyExperiments.BuildModel(TinyExperiments.Tiny("k", 64));
        var keys = model.state_dict().Keys.ToHashSet();
        foreach (var key in new[]
        {
            "visual.conv1.weight", "visual.class_embedding", "visual.positional_embedding", "visual.ln_pre.weight",
            "visual.transformer.resblocks.0.attn.in_proj.weight", "visual.transformer.resblocks.1.mlp.c_fc.weight", "visual.ln_post.bias",
            "visual_projection.weight", "text.token_embedding.weight", "text.positional_embedding",
            "text.transformer.resblocks.0.ln_1.weight", "text.ln_final.weight", "text_projection.weight", "logit_scale",
        })
        {
            Assert.Contains(key, keys);
        }
    }

    [Fact]
    public void Init_TextBlocksAndProjections_FollowOpenClipsStandardDeviations()
    {
        var tiny = TinyExperiments.Tiny("init", 64);
        var text = tiny.Model.Text with { Width = 256, Layers = 4, MlpWidth = 1024 };
        using var model = TinyExperiments.BuildModel(tiny with { Model = tiny.Model with { Text = text } });
        var weights = model.state_dict();
        double Std(string key) => weights[key].std().item<float>();
        var projStd = Math.Pow(256, -0.5) * Math.Pow(2 * 4, -0.5);
        foreach (var (key, expected) in new[]
        {
            ("text.transformer.resblocks.0.attn.in_proj.weight", Math.Pow(256, -0.5)),
            ("text.transformer.resblocks.3.attn.out_proj.weight", projStd),
            ("text.transformer.resblocks.1.mlp.c_fc.weight", Math.Pow(512, -0.5)),
            ("text.transformer.resblocks.2.mlp.c_proj.weight", projStd),
            ("text_projection.weight", Math.Pow(256, -0.5)),
            ("text.token_embedding.weight", 0.02),
        })
        {
            Assert.InRange(Std(key) / expected, 0.95, 1.05);
        }
        Assert.Equal(0f, weights["text.transformer.resblocks.0.attn.out_proj.bias"].abs().max().item<float>());
        // The visual projection follows its encoder's feature width.
        var visualIn = weights["visual_projection.weight"].shape[1];
        Assert.InRange(Std("visual_projection.weight") / Math.Pow(visualIn, -0.5), 0.85, 1.15);
    }

    [Fact]
    public void WeightDecay_CoversEmbeddingsAsOpenClip_NotTheClassEmbeddingNormsBiasesOrTemperature()
    {
        using var model = TinyExperiments.BuildModel(TinyExperiments.Tiny("wd", 64));
        var named = model.named_parameters().ToList();
        var (decay, _) = ClipHost.Engine.Training.ParameterGroups.Split(named);
        var decayed = named.Where(n => decay.Any(p => ReferenceEquals(p, n.parameter))).Select(n => n.name).ToHashSet();
        Assert.Contains("text.token_embedding.weight", decayed);
        Assert.Contains("text.positional_embedding", decayed);
        Assert.Contains("visual.positional_embedding", decayed);
        Assert.Contains("text_projection.weight", decayed);
        foreach (var exempt in new[] { "visual.class_embedding", "logit_scale", "text.ln_final.weight", "text.transformer.resblocks.0.attn.in_proj.bias" })
        {
            Assert.DoesNotContain(exempt, decayed);
        }
    }

    [Fact]
    public void SafetensorsRoundTrip_GivesIdenticalOutputs()
    {
        using var dir = new TempDir();
        using var scope = NewDisposeScope();
        var config = TinyExperiments.Tiny("rt", 64, seed: 1);
        using var model = TinyExperiments.BuildModel(config);
        using var other = TinyExperiments.BuildModel(config with { Training = config.Training with { Seed = 2 } });
        var images = randn(3, 3, 16, 16);
        var tokens = tensor(new long[] { 1, 5, 6, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 7, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 8, 9, 10, 2, 0, 0, 0, 0, 0, 0, 0 }, [3, 12]);
        model.eval();
        other.eval();

        CheckpointStore.SaveWeights(dir.Combine("m.safetensors"), model, null);
        CheckpointStore.LoadWeights(dir.Combine("m.safetensors"), other, null);

        using var _ = no_grad();
        Assert.True(model.EncodeImage(images).eq(other.EncodeImage(images)).all().item<bool>());
        Assert.True(model.EncodeText(tokens).eq(other.EncodeText(tokens)).all().item<bool>());
    }

    [Fact]
    public void Forward_RepeatedUnderAScope_LeaksNoTensors()
    {
        using var model = TinyExperiments.BuildModel(TinyExperiments.Tiny("leak", 64));
        using var images = randn(2, 3, 16, 16);
        using var tokens = tensor(new long[] { 1, 5, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 6, 7, 2, 0, 0, 0, 0, 0, 0, 0, 0 }, [2, 12]);
        long? live = null;
        for (var i = 0; i < 5; i++)
        {
            using (NewDisposeScope())
            {
                var (img, txt) = model.call(images, tokens);
                (img.sum() + txt.sum()).item<float>();
            }
            var now = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            live ??= now;
            Assert.Equal(live, now);
        }
    }
}

using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using ClipHost.Plugins.Architectures.Mixer;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>The MLP-Mixer plugin: compute accounting, shapes, gradients, determinism, round trip, and a short CLIP training.</summary>
public sealed class MixerTests(EmojiStoreFixture data)
{
    private static readonly JsonElement Small = JsonDocument.Parse("""{"patchSize": 4, "width": 32, "depth": 2, "tokenMlp": 16, "channelMlp": 64}""").RootElement;

    [Fact]
    public void MixerB32At224_Gflops_MatchTheHandCountAndThePublishedFigure()
    {
        var config = MixerConfig.Resolve(new MixerOptions { Preset = "B/32" }, 224, 3);
        Assert.Equal((32, 49), (config.PatchSize, config.Tokens));
        // By hand: stem 49 patches x 32x32x3 x 768; per layer token MLP 2 x 768 x 49 x 384, channel MLP 2 x 49 x 768 x 3072.
        const long Stem = 49L * 32 * 32 * 3 * 768;
        const long Layer = (2L * 768 * 49 * 384) + (2L * 49 * 768 * 3072);
        using var encoder = new MlpMixer("visual", config);
        var macs = encoder.ForwardMacs(224);
        Assert.Equal(Stem + (12 * Layer), macs);
        // Published: 6.5 GFLOPs (12 layers, 49 tokens, C 768, token MLP 384, channel MLP 3072); within 10%.
        Assert.InRange(2 * macs / 1e9, 6.5 * 0.9, 6.5 * 1.1);
    }

    [Fact]
    public void ForwardMacs_EqualsTheCountFromTheRealModules()
    {
        using var encoder = new MixerEncoderFactory().Create(Small, new ImageEncoderContext(16, 3, 0));
        using var scope = NewDisposeScope();
        var images = randn(1, 3, 16, 16);
        Assert.Equal(encoder.ForwardMacs(16), MacCounter.Count(encoder, () => encoder.call(images)));
    }

    [Fact]
    public void Encoder_GivesPooledFeatures_AndGradientsReachEveryParameter()
    {
        using var encoder = new MixerEncoderFactory().Create(Small, new ImageEncoderContext(16, 3, 0));
        using var scope = NewDisposeScope();
        var features = encoder.call(randn(3, 3, 16, 16));
        Assert.Equal([3, 32], features.shape);
        Assert.Equal(32, encoder.FeatureDim);
        features.pow(2).sum().backward();
        foreach (var (name, parameter) in encoder.named_parameters())
        {
            Assert.True(parameter.grad is { } g && g.abs().sum().item<float>() > 0, $"{name} got no gradient");
        }
        Assert.Contains(encoder.named_parameters(), p => p.name == "blocks.1.mlp_channels.fc2.weight");
        Assert.Contains(encoder.named_parameters(), p => p.name == "stem.proj.weight");
    }

    [Fact]
    public void SameSeed_SameWeights_AndAStateDictRoundTripGivesTheSameOutputs()
    {
        var factory = new MixerEncoderFactory();
        var context = new ImageEncoderContext(16, 3, 0);
        random.manual_seed(5);
        using var a = factory.Create(Small, context);
        random.manual_seed(5);
        using var b = factory.Create(Small, context);
        random.manual_seed(6);
        using var c = factory.Create(Small, context);
        using var scope = NewDisposeScope();
        var input = randn(2, 3, 16, 16);
        Assert.True(a.call(input).allclose(b.call(input), rtol: 0, atol: 0));
        Assert.False(a.call(input).allclose(c.call(input), rtol: 0, atol: 0));

        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "mixer.bin");
        a.save(path);
        c.load(path);
        Assert.True(a.call(input).allclose(c.call(input), rtol: 0, atol: 0));
    }

    [Fact]
    public void RepeatedForwardPasses_LeaveNoTensorsBehind()
    {
        using var encoder = new MixerEncoderFactory().Create(Small, new ImageEncoderContext(16, 3, 0));
        using var input = randn(2, 3, 16, 16);
        using (no_grad())
        {
            encoder.call(input).Dispose();
            var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            for (var i = 0; i < 20; i++)
            {
                encoder.call(input).Dispose();
            }
            Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }
    }

    [Fact]
    public void PatchThatDoesNotDivideTheImage_IsRefusedNamingTheField()
    {
        var errors = new MixerEncoderFactory().Validate(JsonDocument.Parse("""{"preset": "S/32", "patchSize": 5}""").RootElement, new ImageEncoderContext(16, 3, 0), "model.vision.options");
        Assert.Equal("model.vision.options.patchSize", Assert.Single(errors).Field);
        Assert.False(new MixerEncoderFactory().Describe(Small, new ImageEncoderContext(16, 3, 0)).HasPatchTokens);
    }

    [Fact]
    public void ShortClipTraining_OnRealEmoji_LossFalls()
    {
        using var runs = new TempDir();
        var tiny = TinyExperiments.Tiny("mixer-falls", samples: 64 * 200);
        var config = tiny with
        {
            Model = tiny.Model with
            {
                Vision = tiny.Model.Vision with
                {
                    Architecture = "mixer",
                    Options = JsonDocument.Parse("""{"patchSize": 4, "width": 64, "depth": 2, "tokenMlp": 32, "channelMlp": 128}""").RootElement,
                },
            },
        };
        var options = new TrainRunOptions { StoresRoot = data.StoresRoot, RunsRoot = runs.Path, Device = CPU };
        var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, options, null, TestContext.Current.CancellationToken);
        var losses = File.ReadLines(Path.Combine(result.RunDirectory, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("loss").GetDouble()).ToList();
        var trace = string.Join(" → ", losses.Select(l => l.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(losses.TakeLast(5).Average() < losses.Take(3).Average() - 0.5, $"loss went {trace}");
    }
}

using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using ClipHost.Plugins.Architectures.Vit;
using ClipHost.Plugins.Strategies.Flip;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>The FLIP strategy: its masks, the visible-token forward pass, its validation, accounting and training.</summary>
public sealed class FlipTests(EmojiStoreFixture data)
{
    private static readonly EncoderCapabilities Vit64 = new("vit", HasPatchTokens: true, 64);

    [Theory]
    [InlineData(64, 0.5, 32)]
    [InlineData(49, 0.75, 12)]
    [InlineData(196, 0.5, 98)]
    [InlineData(4, 0.99, 1)]
    public void EachSampleKeepsFloorOfLTimesOneMinusR_DistinctPatches_AndSamplesDiffer(int patches, double ratio, int kept)
    {
        Assert.Equal(kept, PatchMask.Kept(patches, ratio));
        using var generator = new Generator(7, CPU);
        using var keep = PatchMask.Sample(8, patches, kept, generator, CPU);
        Assert.Equal([8, kept], keep.shape);
        var rows = Enumerable.Range(0, 8).Select(i => keep[i].data<long>().ToArray()).ToList();
        Assert.All(rows, r => Assert.Equal(kept, r.Distinct().Count()));
        Assert.All(rows, r => Assert.All(r, x => Assert.InRange(x, 0, patches - 1)));
        Assert.All(rows, r => Assert.Equal(r.Order(), r));
        if (kept < patches && kept > 1)
        {
            Assert.True(rows.Select(r => string.Join(",", r)).Distinct().Count() > 1, "every sample got the same mask");
        }
    }

    [Fact]
    public void Masks_AreDeterministicPerSeed_AndDifferAcrossSeeds()
    {
        Tensor Draw(ulong seed)
        {
            using var g = new Generator(seed, CPU);
            return PatchMask.Sample(4, 64, 32, g, CPU);
        }
        using var a = Draw(1);
        using var b = Draw(1);
        using var c = Draw(2);
        Assert.True(a.allclose(b, rtol: 0, atol: 0));
        Assert.False(a.allclose(c, rtol: 0, atol: 0));
    }

    [Fact]
    public void VisiblePass_OverEveryPatchInAnyOrder_EqualsTheFullPass()
    {
        // Positions are added before the gather, and attention does not care about token order: a class-token ViT
        // given all its patches, shuffled, must pool to the same features. Dropped patches must then be the only change.
        random.manual_seed(3);
        using var vit = (VisionTransformer)new VitEncoderFactory().Create(JsonDocument.Parse("""{"patchSize": 4, "width": 32, "depth": 2, "heads": 2}""").RootElement, new ImageEncoderContext(16, 3, 0));
        vit.eval();
        using var scope = NewDisposeScope();
        var images = randn(3, 3, 16, 16);
        var shuffled = stack(Enumerable.Range(0, 3).Select(_ => randperm(16)).ToArray());
        Assert.True(vit.call(images).allclose(vit.ForwardVisible(images, shuffled), rtol: 1e-4, atol: 1e-5));
        var half = shuffled.narrow(1, 0, 8);
        Assert.False(vit.call(images).allclose(vit.ForwardVisible(images, half), rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Steps_MaskWhileTraining_NotInTheUnmaskedTailNorAtEvaluation()
    {
        var options = JsonDocument.Parse("""{"maskRatio": 0.75, "unmaskedFraction": 0.2}""").RootElement;
        var tiny = TinyExperiments.Tiny("flip-steps", samples: 64);
        using var model = ModelFactory.Build(tiny.Model, 0, StaticRegistry.Instance);
        var capabilities = StaticRegistry.Instance.FindEncoder("vit")!.Describe(tiny.Model.Vision.Options, new(16, 3, 0));
        using var flip = new FlipStrategyFactory().Create(options, new StrategyContext(capabilities, model.Visual.FeatureDim, 16, CPU, 0, NoServices.Instance));
        using var scope = NewDisposeScope();
        var batch = new ClipBatch(randn(4, 3, 16, 16), zeros(4, 16, 16, 3, ScalarType.Byte), randint(4, 500, [4, 12]), [0, 1, 2, 3]);
        using var generator = new Generator(0, CPU);
        int? Visible(long step, bool training) => flip.ComputeLoss(batch, model, new StepContext(step, 100, generator, training)).ImagePasses.Single().VisibleTokens;

        Assert.Equal(4, Visible(0, training: true)); // floor(16 x 0.25)
        Assert.Equal(4, Visible(79, training: true));
        Assert.Null(Visible(80, training: true));
        Assert.Null(Visible(0, training: false));
    }

    [Fact]
    public void EncoderWithoutPatchTokens_AndRatiosOutOfRange_AreRefusedBeforeAnyWork()
    {
        var factory = new FlipStrategyFactory();
        var noTokens = Assert.Single(factory.Validate(null, new EncoderCapabilities("resnet", HasPatchTokens: false, 0), "strategy.options"));
        Assert.Contains("'flip'", noTokens.Message, StringComparison.Ordinal);
        Assert.Contains("'resnet'", noTokens.Message, StringComparison.Ordinal);
        Assert.Equal("strategy.options.maskRatio", Assert.Single(factory.Validate(JsonDocument.Parse("""{"maskRatio": 1.5}""").RootElement, Vit64, "strategy.options")).Field);
        Assert.Equal("strategy.options.unmaskedFraction", Assert.Single(factory.Validate(JsonDocument.Parse("""{"unmaskedFraction": -0.1}""").RootElement, Vit64, "strategy.options")).Field);
        Assert.Empty(factory.Validate(null, Vit64, "strategy.options"));
    }

    [Fact]
    public void ShortFlipTraining_OnRealEmoji_LossFalls_AndTheRunCountsOnlyTheVisibleTokens()
    {
        using var runs = new TempDir();
        var tiny = TinyExperiments.Tiny("flip-falls", samples: 64 * 200);
        var config = tiny with { Strategy = new StrategyConfig { Id = "flip", Options = JsonDocument.Parse("""{"maskRatio": 0.5}""").RootElement } };
        var options = new TrainRunOptions { Layout = TestLayout.Of(data.StoresRoot, runs.Path), Device = CPU };
        var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, options, null, TestContext.Current.CancellationToken);
        RunMetrics.AssertFalls(RunMetrics.Losses(result.RunDirectory), by: 0.5);

        // 16 patches, 8 kept: the image tower's spend per sample is the 8-token pass plus the projection.
        using var vit = (VisionTransformer)new VitEncoderFactory().Create(tiny.Model.Vision.Options, new ImageEncoderContext(16, 3, 0));
        var perSample = 2.0 * (vit.ForwardMacs(16, 8) + ((long)vit.FeatureDim * tiny.Model.EmbedDim)) / 1e9;
        Assert.Equal(perSample, result.Compute.ImageForwardGflops / result.Compute.SamplesSeen, 6);
    }
}

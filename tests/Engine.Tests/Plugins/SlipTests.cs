using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using ClipHost.Modules;
using ClipHost.Plugins.Architectures.Vit;
using ClipHost.Plugins.Strategies.Slip;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>The SLIP strategy: its SimCLR loss by hand, its head, its passes and their accounting, validation and training.</summary>
public sealed class SlipTests(EmojiStoreFixture data)
{
    private static readonly EncoderCapabilities Vit = new("vit", HasPatchTokens: true, 16);

    [Fact]
    public void NtXent_EqualsTheValueComputedByHand()
    {
        // Worked out on paper (and in plain floating point): a and b L2-normalised, temperature 0.5; for view a,
        // the candidates of image i are b_0, b_1 and the other a; the mean of the two views' cross-entropies.
        using var scope = NewDisposeScope();
        var a = tensor(new[] { 1f, 0f, 0.6f, 0.8f }, [2, 2]);
        var b = tensor(new[] { 0.8f, 0.6f, 0f, 1f }, [2, 2]);
        var (loss, accuracy) = SimClrLoss.NtXent(a * 3, b * 0.5f, temperature: 0.5);
        Assert.Equal(0.8707137570568937, loss.item<float>(), 5);
        // a_1's positive b_1 (0.8) loses to b_0 (0.96); a_0's (0.8) beats the other a (0.6) and b_1 (0).
        Assert.Equal(0.5, accuracy);
    }

    [Fact]
    public void NtXent_LeavesOutEachViewsSimilarityToItself()
    {
        // Orthonormal images with identical views: the positive scores 1/t, every other candidate 0. Were a view's
        // similarity to itself (also 1/t) a candidate, the loss would be at least ln 2.
        using var scope = NewDisposeScope();
        var a = eye(3);
        var (loss, _) = SimClrLoss.NtXent(a, a.clone(), temperature: 0.1);
        Assert.Equal(Math.Log(1 + (4 * Math.Exp(-10))), loss.item<float>(), 5);
    }

    [Fact]
    public void NtXent_ClipLoss_SameHandValueThroughTheSharedModule()
    {
        // The CLIP half of SLIP's loss is ContrastiveLoss.Symmetric; logit scale 2 on the same tiny pair.
        using var scope = NewDisposeScope();
        var a = tensor(new[] { 1f, 0f, 0.6f, 0.8f }, [2, 2]);
        var b = tensor(new[] { 0.8f, 0.6f, 0f, 1f }, [2, 2]);
        Assert.Equal(0.5248968390342069, ContrastiveLoss.Symmetric(a, b, tensor(MathF.Log(2f))).item<float>(), 5);
    }

    [Theory]
    [InlineData(768, 4096, 256)]
    [InlineData(128, 688, 48)]
    [InlineData(8, 48, 8)]
    public void HeadWidths_ScaleSlipsFromViTBsWidth(int featureDim, int mlp, int embed)
    {
        Assert.Equal(mlp, SlipHeadSize.Mlp(featureDim));
        Assert.Equal(embed, SlipHeadSize.Embed(featureDim));
        Assert.Equal(100, SlipHeadSize.Mlp(featureDim, 100));
    }

    [Fact]
    public void Head_IsNamedAsSlipsImageMlp()
    {
        using var head = new SlipHead(8, 16, 4);
        Assert.Equal("image_mlp", head.GetName());
        var keys = head.state_dict().Keys.ToHashSet();
        Assert.Superset(new HashSet<string> { "layer1.weight", "bn1.weight", "bn1.running_mean", "layer2.weight", "bn2.running_var", "layer3.weight", "layer3.bias" }, keys);
    }

    [Fact]
    public void Step_MakesTwoViewsThroughTheSameEncoder_AndCountsThemWithTheHead()
    {
        var tiny = TinyExperiments.Tiny("slip-steps", samples: 64);
        using var model = ModelFactory.Build(tiny.Model, 0, StaticRegistry.Instance);
        using var slip = new SlipStrategyFactory().Create(JsonDocument.Parse("""{"sslScale": 0.5}""").RootElement, new StrategyContext(Vit, model.Visual.FeatureDim, 16, CPU, 0, NoServices.Instance));
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var raw = randint(0, 256, [4, 24, 24, 3], dtype: ScalarType.Byte);
        var batch = new ClipBatch(randn(4, 3, 16, 16), raw, randint(4, 500, [4, 12]), [0, 1, 2, 3]);
        using var generator = new Generator(0, CPU);

        var result = slip.ComputeLoss(batch, model, new StepContext(0, 10, generator, Training: true));
        Assert.Equal(2, result.ImagePasses.Count);
        Assert.Equal(new ImagePass(4, 16), result.ImagePasses[0]);
        var ssl = result.ImagePasses[1];
        Assert.Equal((8, 16, false), (ssl.Images, ssl.ImageSize, ssl.Projected));
        var (mlp, embed) = (SlipHeadSize.Mlp(model.Visual.FeatureDim), SlipHeadSize.Embed(model.Visual.FeatureDim));
        Assert.Equal(SlipHead.Macs(model.Visual.FeatureDim, mlp, embed), ssl.HeadMacsPerImage);
        Assert.Equal(result.Components["clip"] + (0.5 * result.Components["ssl"]), result.Loss.item<float>(), 4);
        Assert.True(result.Components["ssl"] > 0);

        // Gradients reach the head (a module the strategy owns) and the shared encoder.
        result.Loss.backward();
        Assert.All(slip.ExtraModule!.parameters(), p => Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0));

        var evaluation = slip.ComputeLoss(batch, model, new StepContext(0, 10, generator, Training: false));
        Assert.Equal([new ImagePass(4, 16)], evaluation.ImagePasses);
    }

    [Fact]
    public void OptionsOutOfRange_AreRefusedNamingTheField()
    {
        var factory = new SlipStrategyFactory();
        Assert.Equal("strategy.options.sslScale", Assert.Single(factory.Validate(JsonDocument.Parse("""{"sslScale": -1}""").RootElement, Vit, "strategy.options")).Field);
        Assert.Equal("strategy.options.temperature", Assert.Single(factory.Validate(JsonDocument.Parse("""{"temperature": 0}""").RootElement, Vit, "strategy.options")).Field);
        Assert.Equal("strategy.options.mlpDim", Assert.Single(factory.Validate(JsonDocument.Parse("""{"mlpDim": 0}""").RootElement, Vit, "strategy.options")).Field);
        Assert.Equal("strategy.options.embedDim", Assert.Single(factory.Validate(JsonDocument.Parse("""{"embedDim": -4}""").RootElement, Vit, "strategy.options")).Field);
        Assert.Equal("strategy.options.sslTemp", Assert.Single(factory.Validate(JsonDocument.Parse("""{"sslTemp": 0.1}""").RootElement, Vit, "strategy.options")).Field);
        Assert.Empty(factory.Validate(null, new EncoderCapabilities("resnet", HasPatchTokens: false, 0), "strategy.options"));
    }

    [Fact]
    public void ShortSlipTraining_OnRealEmoji_BothLossesFall_AndTheRunCountsThreeViewsAndTheHead()
    {
        using var runs = new TempDir();
        var tiny = TinyExperiments.Tiny("slip-falls", samples: 64 * 150);
        var config = tiny with { Strategy = new StrategyConfig { Id = "slip" } };
        var options = new TrainRunOptions { Layout = TestLayout.Of(data.StoresRoot, runs.Path), Device = CPU };
        var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, options, null, TestContext.Current.CancellationToken);
        RunMetrics.AssertFalls(RunMetrics.Losses(result.RunDirectory), by: 0.5);
        RunMetrics.AssertFalls(RunMetrics.Losses(result.RunDirectory, "ssl"), by: 0.3, what: "SimCLR loss");

        // One projected view, two views through the encoder and the head: exactly what the run recorded per sample.
        using var vit = (VisionTransformer)new VitEncoderFactory().Create(tiny.Model.Vision.Options, new ImageEncoderContext(16, 3, 0));
        var width = vit.FeatureDim;
        var perSample = 2.0 * ((3 * vit.ForwardMacs(16)) + ((long)width * tiny.Model.EmbedDim) + (2 * SlipHead.Macs(width, SlipHeadSize.Mlp(width), SlipHeadSize.Embed(width)))) / 1e9;
        Assert.Equal(perSample, result.Compute.ImageForwardGflopsPerSample, 6);
        Assert.True(result.Compute.ImageForwardGflopsPerSample > 2.9 * result.Compute.ImageForwardGflopsPerView);
    }

    [Fact]
    public void SlipRun_InterruptedAndResumed_EndsWhereAnUninterruptedRunEnds_HeadAndItsBatchNormStatsIncluded()
    {
        using var runs = new TempDir();
        var config = TinyExperiments.Tiny("slip-resume", samples: 64 * 10, seed: 3) with { Strategy = new StrategyConfig { Id = "slip" } };
        TrainRunOptions Options(string dir, long? stop = null) => new() { Layout = TestLayout.Of(data.StoresRoot, runs.Combine(dir)), Device = CPU, StopAfterSteps = stop };
        var trainer = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance);
        var whole = trainer.Train(config, Options("a"), null, TestContext.Current.CancellationToken);
        Assert.False(trainer.Train(config, Options("b", stop: 4), null, TestContext.Current.CancellationToken).Completed);
        var resumed = trainer.Train(config, Options("b"), null, TestContext.Current.CancellationToken);

        var a = SafeTensors.Load(Path.Combine(whole.Checkpoint, CheckpointStore.Weights), out _);
        var b = SafeTensors.Load(Path.Combine(resumed.Checkpoint, CheckpointStore.Weights), out _);
        Assert.Contains("strategy.layer1.weight", a.Keys);
        Assert.Contains("strategy.bn2.running_mean", a.Keys);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var key in a.Keys)
        {
            var difference = (a[key].to_type(ScalarType.Float64) - b[key].to_type(ScalarType.Float64)).abs().max().item<double>();
            Assert.True(difference <= 1e-6, $"{key} differs by {difference}");
        }
        Assert.Equal(whole.Compute.ImageForwardGflops, resumed.Compute.ImageForwardGflops, 6);
    }
}

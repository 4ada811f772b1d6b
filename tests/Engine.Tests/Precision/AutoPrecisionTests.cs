using System.Text.Json;
using ClipHost.Engine.Benchmarks;
using ClipHost.Engine.Hardware;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;
using PrecisionSetting = ClipHost.Engine.Experiments.Precision;

namespace ClipHost.Engine.Tests.Precision;

/// <summary>`training.precision: auto`: measured once per machine and model, cached, recorded in the run, kept on resume.</summary>
public sealed class AutoPrecisionTests(EmojiStoreFixture data)
{
    private static readonly CpuInfo Avx2Only = CpuInfo.Parse(["model name\t: AMD EPYC", "flags\t\t: avx avx2 fma"]);
    private static readonly CpuInfo WithAmx = CpuInfo.Parse(["model name\t: Intel(R) Xeon(R) with AMX", "flags\t\t: avx2 fma avx512f avx512_bf16 amx_tile amx_bf16"]);

    [Fact]
    public void Auto_IsTheDefault()
    {
        var config = ExperimentJson.Parse("""{"name": "d", "data": {"store": "s"}, "model": {"vision": {"architecture": "vit"}}, "training": {"budget": {"samples": 64}}}""", "config", "test").Config!;

        Assert.Equal(PrecisionSetting.Auto, config.Training.Precision);
    }

    [Fact]
    public void Auto_OnACpuWithoutNativeBf16_ChoosesFp32_WithoutMeasuring()
    {
        using var dir = new TempDir();
        var chooser = new PrecisionChooser(StaticRegistry.Instance, new PrecisionCache(Path.Combine(dir.Path, "p.json")), Avx2Only);

        var choice = chooser.Resolve(TinyExperiments.Tiny("a", 64), CPU, TestContext.Current.CancellationToken);

        Assert.Equal(PrecisionSetting.Fp32, choice.Chosen);
        Assert.Equal(PrecisionSetting.Auto, choice.Requested);
        Assert.Null(choice.Fp32PairsPerSecond);
        Assert.Contains("no native bf16", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_WithNativeBf16_MeasuresBoth_ChoosesTheFaster_AndAsksTheCacheAfterwards()
    {
        using var dir = new TempDir();
        var cache = new PrecisionCache(Path.Combine(dir.Path, "p.json"));
        var config = TinyExperiments.Tiny("m", 64, batch: 16);

        var first = new PrecisionChooser(StaticRegistry.Instance, cache, WithAmx).Resolve(config, CPU, TestContext.Current.CancellationToken);
        var again = new PrecisionChooser(StaticRegistry.Instance, cache, WithAmx).Resolve(config, CPU, TestContext.Current.CancellationToken);

        Assert.True(first.Fp32PairsPerSecond > 0);
        var bf16Faster = first.Bf16PairsPerSecond is { } b && b > first.Fp32PairsPerSecond;
        Assert.Equal(bf16Faster ? PrecisionSetting.Bf16Mixed : PrecisionSetting.Fp32, first.Chosen);
        Assert.Equal(first, again);
        // Another model is another measurement; another CPU kind another key.
        Assert.NotEqual(PrecisionChooser.Key(config, CPU, WithAmx), PrecisionChooser.Key(config with { Training = config.Training with { BatchSize = 32 } }, CPU, WithAmx));
        Assert.NotEqual(PrecisionChooser.Key(config, CPU, WithAmx), PrecisionChooser.Key(config, CPU, Avx2Only));
    }

    [Fact]
    public void Cache_KeepsTheFirstChoice_OfAKey()
    {
        using var dir = new TempDir();
        var cache = new PrecisionCache(Path.Combine(dir.Path, "nested", "p.json"));
        var fp32 = new PrecisionChoice(PrecisionSetting.Fp32, PrecisionSetting.Auto, "first", 10, 5, "cpu", DateTimeOffset.UnixEpoch);

        cache.Add("k", fp32);
        var standing = cache.Add("k", fp32 with { Chosen = PrecisionSetting.Bf16Mixed, Reason = "second" });

        Assert.Equal(fp32, standing);
        Assert.Equal(fp32, new PrecisionCache(cache.Path).Find("k"));
        Assert.Contains("\"chosen\": \"fp32\"", File.ReadAllText(cache.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RecordsWhatAutoChose_AndKeepsItOnResume_WhateverTheMachineSaysLater()
    {
        using var runs = new TempDir();
        var cachePath = Path.Combine(runs.Path, "precision.json");
        var config = TinyExperiments.Tiny("auto", samples: 64 * 6, seed: 3);
        var trainer = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance);

        var stopped = trainer.Train(config, Options(runs.Path, cachePath, stopAfter: 3), null, TestContext.Current.CancellationToken);
        var first = stopped.State.Precision!;
        var chose = first.Chosen;
        Assert.Equal(chose, ExperimentJson.Load(Path.Combine(stopped.RunDirectory, "config.json")).Config!.Training.Precision);
        // The machine's cache now says the other precision for this model (a new CPU, a LibTorch upgrade): the run keeps its own.
        var other = chose == PrecisionSetting.Fp32 ? "bf16-mixed" : "fp32";
        File.WriteAllText(cachePath, File.ReadAllText(cachePath).Replace($"\"chosen\": \"{(chose == PrecisionSetting.Fp32 ? "fp32" : "bf16-mixed")}\"", $"\"chosen\": \"{other}\"", StringComparison.Ordinal));
        var resumed = trainer.Train(config, Options(runs.Path, cachePath), null, TestContext.Current.CancellationToken);

        Assert.Equal(first, resumed.State.Precision);
        Assert.Equal(first, CheckpointStore.ReadState(resumed.Checkpoint).Precision);
        Assert.Equal(first, resumed.Compute.Precision);
        using var compute = JsonDocument.Parse(File.ReadAllText(Path.Combine(resumed.RunDirectory, "compute.json")));
        Assert.Equal("auto", compute.RootElement.GetProperty("precision").GetProperty("requested").GetString());
        var share = compute.RootElement.GetProperty("dataWaitShare").GetDouble();
        Assert.InRange(share, 0, 1);
        Assert.All(File.ReadLines(Path.Combine(resumed.RunDirectory, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.TryGetProperty("loss", out _)),
            l => Assert.InRange(l.GetProperty("dataWaitShare").GetDouble(), 0, 1));
    }

    [Fact]
    public void Run_WithAutoAndNoChooser_TrainsInFp32_AndSaysWhy()
    {
        using var runs = new TempDir();
        var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(
            TinyExperiments.Tiny("plain", samples: 64), new TrainRunOptions { Layout = TestLayout.Of(data.StoresRoot, runs.Path), Device = CPU }, null, TestContext.Current.CancellationToken);

        Assert.Equal(PrecisionSetting.Fp32, result.State.Precision!.Chosen);
        Assert.Contains("no precision chooser", result.State.Precision.Reason, StringComparison.Ordinal);
    }

    private TrainRunOptions Options(string runs, string cache, long? stopAfter = null) => new()
    {
        Layout = TestLayout.Of(data.StoresRoot, runs),
        Device = CPU,
        StopAfterSteps = stopAfter,
        ChoosePrecision = (config, ct) => new PrecisionChooser(StaticRegistry.Instance, new PrecisionCache(cache)).Resolve(config, CPU, ct),
    };
}

using ClipHost.Engine.Benchmarks;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Benchmarks;

/// <summary>The bench trains through the run's own session, so what it measures is what a run of that model does.</summary>
public sealed class TrainBenchmarkTests
{
    [Theory]
    [InlineData("clip")]
    [InlineData("slip")]
    public void Run_TinyModel_MeasuresEveryStepAfterWarmup_WithTheRunsPerPairCost(string strategy)
    {
        var config = TinyExperiments.Tiny("bench", 64);
        var request = new TrainBenchRequest { Device = CPU, Steps = 3, Warmup = 1, BatchSize = 8, MeasurePeak = false, Strategy = strategy, Model = config.Model };
        var steps = new StepRecorder();

        var result = new TrainBenchmark(StaticRegistry.Instance).Run(request, steps, TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3, 4], steps.Steps);
        Assert.Equal(3, result.StepSeconds.Count);
        Assert.All(result.StepSeconds, s => Assert.True(s > 0));
        Assert.True(result.PairsPerSecondMedian > 0);
        Assert.Equal(0, result.MatmulPeakGflops);
        using var session = TrainingSession.Create(StaticRegistry.Instance, config.Model, new StrategyConfig { Id = strategy }, new TrainingConfig { Precision = ClipHost.Engine.Experiments.Precision.Fp32 }, CPU);
        var perPair = session.ImageForwardGflopsPerView + session.TextForwardGflopsPerSample;
        // CLIP makes one full image pass per pair; SLIP adds two augmented views and its head, so a pair costs more.
        if (strategy == "clip")
        {
            Assert.Equal(perPair, result.ForwardGflopsPerPair, 9);
        }
        else
        {
            Assert.True(result.ForwardGflopsPerPair > perPair, $"{result.ForwardGflopsPerPair} GFLOPs per pair, a CLIP pair costs {perPair}");
        }
    }

    /// <summary>Records on the reporting thread (Progress&lt;T&gt; would post to the thread pool and race the assertion).</summary>
    private sealed class StepRecorder : IProgress<(int Step, double Seconds)>
    {
        public List<int> Steps { get; } = [];

        public void Report((int Step, double Seconds) value) => Steps.Add(value.Step);
    }
}

using ClipHost.Engine.Benchmarks;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Training;
using ClipHost.Host.Jobs;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the trainer, the evaluator and the benchmark, with the plugins and the Torch runtime they need.</summary>
public static class TrainingExtensions
{
    public static IHostApplicationBuilder AddTraining(this IHostApplicationBuilder builder)
    {
        builder.AddTorchRuntime().AddPluginCatalog();
        builder.Services.AddSingleton<DevicePool>();
        builder.Services.AddSingleton<Trainer>();
        builder.Services.AddSingleton<Evaluator>();
        builder.Services.AddSingleton<TrainBenchmark>();
        return builder;
    }
}

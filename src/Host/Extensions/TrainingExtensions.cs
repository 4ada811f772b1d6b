using ClipHost.Engine.Benchmarks;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Training;
using ClipHost.Host.Jobs;
using Microsoft.Extensions.Options;

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
        builder.Services.AddSingleton(s => s.GetRequiredService<IOptions<ClipHost.Host.Options.TorchOptions>>().Value.PrecisionCache is { Length: > 0 } path
            ? new PrecisionCache(Path.GetFullPath(path))
            : new PrecisionCache(PrecisionCache.DefaultPath));
        return builder;
    }
}

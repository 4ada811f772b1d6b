using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Host.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the import pipeline and the package installer for the real data sets.</summary>
public static class DataExtensions
{
    public static IHostApplicationBuilder AddDataImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DatasetImporter>();
        builder.Services.AddSingleton(sp => new PackageInstaller(
            sp.GetRequiredService<IOptions<DataOptions>>().Value.SourcesRoot,
            sp.GetRequiredService<ILogger<PackageInstaller>>()));
        return builder;
    }
}

using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Packages;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the import pipeline and the package installer for the real data sets.</summary>
public static class DataExtensions
{
    /// <param name="installsPackages">
    /// True for the CLI (a person at a shell asked for the import); false for the service, where a request must
    /// never run apt-get or npm.
    /// </param>
    public static IHostApplicationBuilder AddDataImport(this IHostApplicationBuilder builder, bool installsPackages = true)
    {
        builder.Services.AddSingleton<DatasetImporter>();
        builder.Services.AddSingleton(new ClipHost.Host.Commands.PackagePolicy(installsPackages));
        builder.Services.AddSingleton<IDataPackages>(sp => new PackageInstaller(
            sp.GetRequiredService<ClipHost.Engine.Paths.DataLayout>().Sources,
            sp.GetRequiredService<ILogger<PackageInstaller>>(),
            installsPackages));
        return builder;
    }
}

using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Import;

namespace ClipHost.Host.Cli;

/// <summary>Runs one import with its progress display and turns the outcome into a summary and an exit code.</summary>
public static class ImportRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(IServiceProvider services, IImportSource source, ImportOptions request, CancellationToken ct)
    {
        var importer = services.GetRequiredService<DatasetImporter>();
        try
        {
            var report = await ImportProgressDisplay.RunAsync(source.Id, p => importer.ImportAsync(source, request, p, ct)).ConfigureAwait(false);
            ImportSummaryPrinter.Print(report, Console.Out);
            return Ok;
        }
        catch (OptionsValidationFailedException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine($"{source.Id}: {error}");
            }
            return BadInput;
        }
        catch (NothingImportedException e)
        {
            Console.Error.WriteLine($"{source.Id}: {e.Message}; no store was written");
            ImportSummaryPrinter.PrintSkips(e.Report.SkipReasons, e.Report.SkippedSamples, e.Report.Skipped, Console.Error, null);
            return Failed;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{source.Id}: import failed: {e.Message}");
            return Failed;
        }
    }
}

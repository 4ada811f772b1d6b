using ClipHost.Engine.Data.Import;

namespace ClipHost.Host.Cli;

/// <summary>Sends one import command in-process with its progress display and turns the outcome into a summary and an exit code.</summary>
public static class ImportRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(IServiceProvider services, ImportDatasetCommand command, CancellationToken ct)
    {
        var mediator = services.GetRequiredService<IMediator>();
        try
        {
            var report = await ImportProgressDisplay.RunAsync(command.Source, p => mediator.Send(command with { Progress = p }, ct).AsTask()).ConfigureAwait(false);
            ImportSummaryPrinter.Print(report, Console.Out);
            return Ok;
        }
        catch (OptionsValidationFailedException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine($"{command.Source}: {error}");
            }
            return BadInput;
        }
        catch (NothingImportedException e)
        {
            Console.Error.WriteLine($"{command.Source}: {e.Message}; no store was written");
            ImportSummaryPrinter.PrintSkips(e.Report.SkipReasons, e.Report.SkippedSamples, e.Report.Skipped, Console.Error, null);
            return Failed;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{command.Source}: import failed: {e.Message}");
            return Failed;
        }
    }
}

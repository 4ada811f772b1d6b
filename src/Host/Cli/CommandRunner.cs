namespace ClipHost.Host.Cli;

/// <summary>
/// The CLI's side of the application layer: sends a command in-process, as the service's jobs do, and turns a refusal
/// (its validators' field errors, or a run-name conflict) into one line per field and exit code 2.
/// </summary>
public static class CommandRunner
{
    public static async Task<(T? Result, int Exit)> SendAsync<T>(IServiceProvider services, ICommand<T> command, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return (await services.GetRequiredService<IMediator>().Send(command, cancellationToken).ConfigureAwait(false), ImportRunner.Ok);
        }
        catch (OptionsValidationFailedException e)
        {
            return (null, Refuse(e.Errors));
        }
        catch (RunConflictException e)
        {
            return (null, Refuse([e.Error]));
        }
        catch (RunBusyException e)
        {
            Console.Error.WriteLine(e.Message);
            return (null, 1);
        }
    }

    /// <summary>Blocks a dedicated thread on a command: TorchSharp's dispose scopes are per thread, and a progress bar draws on this one.</summary>
    public static Task<T> OnTrainingThread<T>(Func<T> work) => Commands.RunConfig.OnTorchThread(work);

    /// <summary>
    /// Sends work to the shared queue and prints what <paramref name="submit"/> says was queued; a refusal, a name
    /// conflict or an unreachable queue is printed instead, and nothing was queued.
    /// </summary>
    public static async Task<int> QueueAsync(Func<Task<string>> submit)
    {
        ArgumentNullException.ThrowIfNull(submit);
        try
        {
            Console.WriteLine(await submit().ConfigureAwait(false));
            return 0;
        }
        catch (OptionsValidationFailedException e)
        {
            return Refuse(e.Errors);
        }
        catch (Exception e) when (e is RunConflictException or Jobs.StorageUnavailableException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    public static int Refuse(IEnumerable<OptionError> errors)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"config error: {error}");
        }
        return ImportRunner.BadInput;
    }
}

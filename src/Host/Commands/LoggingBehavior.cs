using System.Diagnostics;

namespace ClipHost.Host.Commands;

/// <summary>One structured log line when a command starts and one when it ends: its name, its arguments, the outcome and the time taken.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        CommandLog.Started(logger, name, message);
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await next(message, cancellationToken).ConfigureAwait(false);
            CommandLog.Completed(logger, name, clock.Elapsed.TotalSeconds);
            return response;
        }
        catch (OptionsValidationFailedException e)
        {
            CommandLog.Refused(logger, name, string.Join("; ", e.Errors));
            throw;
        }
        catch (OperationCanceledException)
        {
            CommandLog.Cancelled(logger, name, clock.Elapsed.TotalSeconds);
            throw;
        }
        catch (Exception e)
        {
            CommandLog.Failed(logger, e, name, clock.Elapsed.TotalSeconds);
            throw;
        }
    }
}

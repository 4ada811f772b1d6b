namespace ClipHost.Host.Commands;

/// <summary>
/// Refuses a command with every field-level error its validators find, before the handler runs: a bad submission
/// never reaches the queue, and a queued job whose inputs went bad meanwhile fails at once with the reason.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IServiceProvider services) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = services.GetServices<ICommandValidator<TMessage>>().SelectMany(v => v.Validate(message)).ToList();
        if (errors.Count > 0)
        {
            throw new OptionsValidationFailedException(errors);
        }
        return next(message, cancellationToken);
    }
}

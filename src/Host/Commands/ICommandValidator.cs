namespace ClipHost.Host.Commands;

/// <summary>Checks one command before its handler runs; <see cref="ValidationBehavior{TMessage,TResponse}"/> runs every validator of a command.</summary>
public interface ICommandValidator<in TCommand>
{
    IReadOnlyList<OptionError> Validate(TCommand command);
}

namespace Appliance.Drivers.Simulated;

/// <summary>What a number registered on the simulated exchange does when the box dials it.</summary>
public enum SimulatedCalleeBehavior
{
    /// <summary>Rings (the box hears ringback) and answers after <see cref="SimulatedCallee.AnswerAfterRings"/> rings.</summary>
    Answers,

    /// <summary>Is busy: the box hears busy tone.</summary>
    Busy,

    /// <summary>Rings for ever; the box must give up.</summary>
    NeverAnswers,
}

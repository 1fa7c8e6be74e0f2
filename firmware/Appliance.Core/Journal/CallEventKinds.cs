namespace Appliance.Core.Journal;

/// <summary>The event kinds the call flows write. Names follow Asterisk's queue_log where one exists, so reports read familiarly.</summary>
public static class CallEventKinds
{
    /// <summary>A call arrived on a line or trunk.</summary>
    public const string CallStart = "CALL_START";

    /// <summary>The box answered.</summary>
    public const string Answer = "ANSWER";

    /// <summary>The caller entered a menu.</summary>
    public const string MenuEnter = "IVR_ENTER";

    /// <summary>The caller pressed a valid key.</summary>
    public const string MenuDigit = "IVR_DIGIT";

    /// <summary>The caller pressed a key the menu does not know.</summary>
    public const string MenuInvalid = "IVR_INVALID";

    /// <summary>The caller pressed nothing in time.</summary>
    public const string MenuTimeout = "IVR_TIMEOUT";

    /// <summary>A prompt file could not be played; the call went on without it.</summary>
    public const string PromptMissing = "PROMPT_MISSING";

    /// <summary>The caller keyed digits at a collect node (masked when the node is sensitive).</summary>
    public const string MenuInput = "IVR_INPUT";

    /// <summary>The caller chose a language.</summary>
    public const string MenuLanguage = "IVR_LANGUAGE";

    /// <summary>A menu could not go on (a node past the step limit, a queue or menu gone); the call is let go.</summary>
    public const string MenuFailed = "IVR_FAILED";

    /// <summary>The caller joined a queue.</summary>
    public const string EnterQueue = "ENTERQUEUE";

    /// <summary>An agent was rung and did not answer.</summary>
    public const string RingNoAnswer = "RINGNOANSWER";

    /// <summary>An agent answered and was bridged to the caller.</summary>
    public const string Connect = "CONNECT";

    /// <summary>The caller hung up after talking to the agent.</summary>
    public const string CompleteCaller = "COMPLETECALLER";

    /// <summary>The agent hung up after talking to the caller.</summary>
    public const string CompleteAgent = "COMPLETEAGENT";

    /// <summary>The caller hung up while waiting in the queue.</summary>
    public const string Abandon = "ABANDON";

    /// <summary>A party put the conversation on hold (data: by = agent or caller); the other hears music.</summary>
    public const string Hold = "HOLD";

    /// <summary>The held party resumed (data: holdtime).</summary>
    public const string Unhold = "UNHOLD";

    /// <summary>The agent sent the caller elsewhere (data: target, an agent id or a queue).</summary>
    public const string BlindTransfer = "BLINDTRANSFER";

    /// <summary>A supervisor joined an agent's conversation (agent: the one supervised; data: supervisor, mode, supervision).</summary>
    public const string SuperviseStart = "SUPERVISE_START";

    /// <summary>The supervisor switched between listen, whisper and barge (data: supervisor, mode, previous).</summary>
    public const string SuperviseMode = "SUPERVISE_MODE";

    /// <summary>The supervisor left (data: supervisor, reason, seconds).</summary>
    public const string SuperviseEnd = "SUPERVISE_END";

    /// <summary>A waiting caller was told their place and expected wait (data: position, ewt in seconds or null, prompts).</summary>
    public const string Announce = "ANNOUNCE";

    /// <summary>A waiting caller asked to be called back and confirmed the number (data: number, position); their place is kept.</summary>
    public const string CallbackRequested = "CALLBACK_REQUESTED";

    /// <summary>The box dialled a callback (data: attempt, agent reserved, outcome of the attempt).</summary>
    public const string CallbackAttempt = "CALLBACK_ATTEMPT";

    /// <summary>A callback's customer answered and was bridged to the reserved agent (data: attempt).</summary>
    public const string CallbackConnected = "CALLBACK_CONNECTED";

    /// <summary>A callback was closed unanswered after its last attempt (data: attempts).</summary>
    public const string CallbackFailed = "CALLBACK_FAILED";

    /// <summary>The caller waited the queue's maximum and was let go.</summary>
    public const string ExitWithTimeout = "EXITWITHTIMEOUT";

    /// <summary>The caller arrived at a queue already holding its maximum and went to the overflow.</summary>
    public const string QueueFull = "QUEUEFULL";

    /// <summary>The caller left (or could not join) a queue with every member logged out, to the overflow.</summary>
    public const string ExitEmpty = "EXITEMPTY";

    /// <summary>Recording of the bridged call began.</summary>
    public const string RecordingStart = "RECORDING_START";

    /// <summary>Recording ended and the file was closed.</summary>
    public const string RecordingEnd = "RECORDING_END";

    /// <summary>The call ended; data carries the outcome.</summary>
    public const string CallEnd = "CALL_END";

    /// <summary>
    /// An agent's state changed (available, ringing, on call, wrap-up, not ready, logged out); data: status, reason,
    /// previous, previousReason and seconds (how long the previous state lasted).
    /// </summary>
    public const string AgentState = "AGENT_STATE";

    /// <summary>An agent became able to take calls (logged in with a phone); data: cause.</summary>
    public const string AgentLogin = "AGENTLOGIN";

    /// <summary>An agent stopped being able to take calls (logged out, phone gone); data: cause, logintime (seconds).</summary>
    public const string AgentLogoff = "AGENTLOGOFF";

    /// <summary>An agent paused (data: reason, reasonName); calls are not offered until UNPAUSE.</summary>
    public const string Pause = "PAUSE";

    /// <summary>An agent's pause ended (data: reason, pausetime in seconds).</summary>
    public const string Unpause = "UNPAUSE";

    /// <summary>A complaint ticket was opened (data: ticket, category, repeatOf).</summary>
    public const string TicketCreated = "TICKET_CREATED";

    /// <summary>A complaint ticket changed status (data: ticket, from, to, revision, by).</summary>
    public const string TicketChanged = "TICKET_CHANGED";

    /// <summary>A complaint ticket's deadline passed without an answer (data: ticket, department, deadline).</summary>
    public const string TicketReminder = "TICKET_REMINDER";

    /// <summary>An overdue complaint ticket was escalated (data: ticket, level, deadline: the new one).</summary>
    public const string TicketEscalated = "TICKET_ESCALATED";

    /// <summary>A complaint ticket was resolved: the customer is to be called back with the outcome (data: ticket).</summary>
    public const string TicketCallbackDue = "TICKET_CALLBACK_DUE";

    /// <summary>A campaign dialled a contact (data: campaign, attempt, outcome, line of the list).</summary>
    public const string CampaignAttempt = "CAMPAIGN_ATTEMPT";

    /// <summary>A campaign's contact is done (data: campaign, result, attempts): answered, a final failure, dnc, or an agent's code.</summary>
    public const string CampaignResult = "CAMPAIGN_RESULT";

    /// <summary>A sensitive node began collecting digits (data: menu, node; never digits). Marks the window; the audio itself is not yet silenced.</summary>
    public const string PciPauseStart = "PCI_PAUSE_START";

    /// <summary>The sensitive collection ended (data: menu, node).</summary>
    public const string PciPauseEnd = "PCI_PAUSE_END";

    /// <summary>A self-service request to the core bank ended (data: menu, node, operation, outcome; never digits).</summary>
    public const string SelfService = "SELF_SERVICE";

    /// <summary>The core bank timed out, failed or answered garbage; the caller heard sorry (data: menu, node, operation, reason).</summary>
    public const string SelfServiceFailed = "SELF_SERVICE_FAILED";

    /// <summary>Prompts composed and played for the caller (balance, reference; data: node, prompts).</summary>
    public const string SelfServiceSaid = "SELF_SERVICE_SAID";

    /// <summary>
    /// Recording stopped because the recordings disk is (nearly) full: calls go on unrecorded. An alarm, not a call's
    /// event (call id NONE); data: reason, freeMb, floorMb, cut (running recordings cut short).
    /// </summary>
    public const string RecordingSuspended = "RECORDING_SUSPENDED";

    /// <summary>Space returned and recording resumed for calls connecting from now on (call id NONE); data: freeMb, suspendedSeconds.</summary>
    public const string RecordingResumed = "RECORDING_RESUMED";

    /// <summary>The caller rated the call after the agent hung up (data: score, 1–5).</summary>
    public const string Survey = "SURVEY";

    /// <summary>The caller pressed a key outside 1–5 at the post-call survey (data: attempt); the key itself is not kept.</summary>
    public const string SurveyInvalid = "SURVEY_INVALID";

    /// <summary>The post-call survey ended without a score (data: reason: timeout, invalid or hangup).</summary>
    public const string SurveyNoScore = "SURVEY_NO_SCORE";

    /// <summary>A head-office change to a ticket was not applied and was kept aside (data: ticket, change, basedOn, boxRevision, reason).</summary>
    public const string TicketConflict = "TICKET_CONFLICT";

    /// <summary>A resolved complaint's callback to the customer was queued (data: ticket, callback, queue; never the number).</summary>
    public const string TicketCallbackQueued = "TICKET_CALLBACK_QUEUED";
}

#!/usr/bin/env bash
# Generates the default voice prompts (English and Mandarin) as 8 kHz mono 16-bit PCM WAV files:
#   prompts/en/<name>.wav and prompts/zh/<name>.wav
# Speech comes from espeak-ng (voices "en" and "cmn"); sox resamples, trims the silence espeak leaves around speech,
# normalises the level and adds a short lead-in so the first syllable is not clipped by a line that is still settling.
#
# Usage: tools/prompts/generate-prompts.sh [output-dir]     (default: <repo>/prompts)
# Installs espeak-ng and sox with apt-get when they are missing (needs root or sudo on Debian/Ubuntu).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out_dir="${1:-$repo_root/prompts}"

# Every prompt must stay below this size, so the files stay small in the repository (about 6 s of audio).
max_bytes=102400

ensure_tools() {
    local missing=()
    command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
    command -v sox >/dev/null 2>&1 || missing+=(sox)
    if [ "${#missing[@]}" -eq 0 ]; then
        return
    fi

    echo "installing ${missing[*]}..." >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "error: ${missing[*]} missing and not root (no sudo to install them)" >&2; exit 1; }
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    # An install can fail on a stale package list; refresh it once and try again.
    if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; then
        $sudo apt-get update >/dev/null
        $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# render <voice> <words-per-minute> <text> <output.wav>
render() {
    local voice="$1" speed="$2" text="$3" output="$4"
    local raw="$work_dir/raw.wav"
    espeak-ng -v "$voice" -s "$speed" -w "$raw" -- "$text"
    # Text the voice cannot pronounce comes out as (near) silence; catch it before normalising hides it.
    local peak
    peak="$(sox "$raw" -n stat 2>&1 | awk '/Maximum amplitude/ { print $3 }')"
    if ! awk -v p="$peak" 'BEGIN { exit !(p > 0.05) }'; then
        echo "error: voice $voice said nothing audible for \"$text\" (peak $peak)" >&2
        exit 1
    fi

    # silence -l 1 ... -1 0.3: trims leading silence and shortens every pause inside to 0.3 s (espeak pauses long
    # after each sentence, which makes a menu drag and the file big); reverse + silence + reverse trims the tail.
    # rate -v: very-high-quality resampling to the telephone rate; gain -n -3: peak at -3 dBFS.
    # pad: 0.15 s before, 0.25 s after, so prompts do not run into each other.
    # -R: repeatable mode (fixed dither seed), so regenerating gives byte-identical files and no spurious git diffs.
    sox -R "$raw" -r 8000 -c 1 -b 16 -e signed-integer "$output" \
        silence -l 1 0.02 0.5% -1 0.3 0.5% reverse silence 1 0.02 0.5% reverse \
        rate -v 8000 gain -n -3 pad 0.15 0.25

    local size
    size="$(stat -c %s "$output")"
    if [ "$size" -gt "$max_bytes" ]; then
        echo "error: $output is $size bytes (limit $max_bytes); shorten the text or speak faster" >&2
        exit 1
    fi
    printf '%-28s %6d bytes  %5.2f s\n' "${output#"$repo_root"/}" "$size" "$(soxi -D "$output")"
}

ensure_tools
work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT
mkdir -p "$out_dir/en" "$out_dir/zh"

# English: voice "en", 175 words per minute (slightly brisk; a phone menu should not drag).
declare -A en=(
    [greeting]="Welcome to the bank. Calls are recorded for quality and training."
    [menu]="For customer service, press 1. For an agent, press 0. To hear this again, press star."
    [please-hold]="Please hold. The next available agent will take your call."
    [goodbye]="Thank you for calling. Goodbye."
    [invalid]="Sorry, that is not a valid choice."
    [timeout]="Sorry, we did not receive your choice."
)

# Mandarin: the cmn voice, text in Chinese characters; digits written as characters so they are read as words.
# espeak-ng 1.51 (Debian 12) turns characters into tone-numbered pinyin and its plain "cmn" voice then reads that
# pinyin as English words ("huan1" -> "h-wan five"); the "cmn-latn-pinyin" variant of the same voice reads it as
# Mandarin. Use it whenever it exists; newer espeak-ng releases fixed plain "cmn".
zh_voice=cmn
if espeak-ng --voices=cmn | grep -q 'cmn-latn-pinyin'; then
    zh_voice=cmn-latn-pinyin
fi

declare -A zh=(
    [greeting]="欢迎致电本行。您的通话将被录音。"
    [menu]="客户服务请按一，人工服务请按零，重听请按星号。"
    [please-hold]="请稍候，我们正在为您转接客服人员。"
    [goodbye]="感谢您的来电，再见。"
    [invalid]="对不起，您的选择无效。"
    [timeout]="对不起，我们没有收到您的选择。"
)

for name in greeting menu please-hold goodbye invalid timeout; do
    render en 175 "${en[$name]}" "$out_dir/en/$name.wav"
    render "$zh_voice" 175 "${zh[$name]}" "$out_dir/zh/$name.wav"
done

# Queue announcements and callbacks (Appliance.Core/Acd/Internal/Announcements): phrases, and number words the box composes
# numbers from. English says a number after its phrase ("you are caller number" 3); Mandarin around it (您是第 3 位),
# built from digits and the units 十 百 千, with 两 for a count of two. Each language has the words its composer uses.
declare -A en_queue=(
    [queue-position]="You are caller number"
    [queue-wait]="Your expected wait is about"
    [queue-minute]="minute."
    [queue-minutes]="minutes."
    [callback-offer]="To keep your place and be called back, press"
    [callback-number-is]="We will call you back at"
    [callback-confirm]="To confirm, press 1. To enter another number, press 2."
    [callback-enter-number]="Please enter your phone number, then press the hash key."
    [callback-goodbye]="Thank you. We will call you back when it is your turn. Goodbye."
    [callback-agent]="Callback. Connecting the customer."
    [key-star]="star"
    [key-hash]="hash"
    [num-hundred]="hundred"
    [num-thousand]="thousand"
)
en_words=(zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen)
for n in "${!en_words[@]}"; do en_queue[num-$n]="${en_words[$n]}"; done
en_tens=([2]=twenty [3]=thirty [4]=forty [5]=fifty [6]=sixty [7]=seventy [8]=eighty [9]=ninety)
for n in "${!en_tens[@]}"; do en_queue[num-${n}0]="${en_tens[$n]}"; done

declare -A zh_queue=(
    [queue-position]="您是第"
    [queue-position-end]="位。"
    [queue-wait]="预计等待时间大约"
    [queue-minutes]="分钟。"
    [callback-offer]="如需保留排队位置并等候回电，请按"
    [callback-number-is]="我们将回电到"
    [callback-confirm]="确认请按一，输入其他号码请按二。"
    [callback-enter-number]="请输入您的电话号码，以井号键结束。"
    [callback-goodbye]="谢谢。轮到您时我们会给您回电。再见。"
    [callback-agent]="回电客户，正在接通。"
    [key-star]="星号"
    [key-hash]="井号"
    [num-10]="十"
    [num-hundred]="百"
    [num-thousand]="千"
    [num-liang]="两"
)
zh_digits=(零 一 二 三 四 五 六 七 八 九)
for n in "${!zh_digits[@]}"; do zh_queue[num-$n]="${zh_digits[$n]}"; done

for name in "${!en_queue[@]}"; do render en 175 "${en_queue[$name]}" "$out_dir/en/$name.wav"; done
for name in "${!zh_queue[@]}"; do render "$zh_voice" 175 "${zh_queue[$name]}" "$out_dir/zh/$name.wav"; done

# Self-service (Appliance.Core/Configuration/Flow: identify, balance, cardLoss, billStatus) and the words amounts and dates
# are composed from (Appliance.Core/Ivr/Internal/MoneyWords, DateWords). English says "one thousand two hundred yuan",
# "December fifth"; Mandarin 一千二百元, 十二月五日 from the digits above with 万, 元 角 分 and 月 日.
# PromptCoverageTests (tests/Appliance.Core.Tests) fails when a prompt a node can play has no file here.
declare -A en_ss=(
    [ss-services]="Balance, press 1. Lost card, press 2. Bill payment, press 3. Agent, press 0."
    [ss-enter-card]="Please enter your card number, then press the hash key."
    [ss-enter-account]="Please enter your account number, then press the hash key."
    [ss-enter-pin]="Please enter your PIN."
    [ss-wrong-pin]="Sorry, the number or PIN is not correct. Please try again."
    [ss-bank-sorry]="Sorry, this service is not available right now. Please hold for an agent."
    [ss-balance-is]="Your available balance is"
    [ss-card-loss-confirm]="To block your card, press 1. To cancel, press 2."
    [ss-card-blocked]="Your card is now blocked."
    [ss-reference-is]="Your reference number is"
    [ss-enter-bill]="Please enter the bill reference number, then press the hash key."
    [ss-bill-paid]="This bill has been paid."
    [ss-bill-amount]="The amount was"
    [ss-bill-paid-on]="It was paid on"
    [ss-bill-pending]="This payment is still being processed."
    [ss-bill-failed]="This payment was refused or returned."
    [ss-bill-unknown]="We found no bill with that number."
    [num-million]="million"
    [num-minus]="minus"
    [cur-cny]="yuan"
    [cur-cny-jiao]="jiao"
    [cur-cny-fen]="fen"
    [cur-usd]="dollars"
    [cur-usd-minor]="cents"
)
en_months=(January February March April May June July August September October November December)
for n in "${!en_months[@]}"; do en_ss[month-$((n + 1))]="${en_months[$n]}"; done
en_days=(first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth
    sixteenth seventeenth eighteenth nineteenth twentieth "twenty first" "twenty second" "twenty third" "twenty fourth"
    "twenty fifth" "twenty sixth" "twenty seventh" "twenty eighth" "twenty ninth" thirtieth "thirty first")
for n in "${!en_days[@]}"; do en_ss[day-$((n + 1))]="${en_days[$n]}"; done

declare -A zh_ss=(
    [ss-services]="余额按一，挂失按二，缴费按三，人工按零。"
    [ss-enter-card]="请输入您的卡号，以井号键结束。"
    [ss-enter-account]="请输入您的账号，以井号键结束。"
    [ss-enter-pin]="请输入您的密码。"
    [ss-wrong-pin]="对不起，号码或密码不正确，请重新输入。"
    [ss-bank-sorry]="对不起，服务暂时无法使用，正在为您转接人工。"
    [ss-balance-is]="您的可用余额为"
    [ss-card-loss-confirm]="确认挂失请按一，取消请按二。"
    [ss-card-blocked]="您的卡已挂失。"
    [ss-reference-is]="您的挂失编号是"
    [ss-enter-bill]="请输入账单编号，以井号键结束。"
    [ss-bill-paid]="该账单已缴费。"
    [ss-bill-amount]="缴费金额为"
    [ss-bill-paid-on]="缴费日期为"
    [ss-bill-pending]="该笔缴费正在处理中。"
    [ss-bill-failed]="该笔缴费未成功。"
    [ss-bill-unknown]="未找到该编号的账单。"
    [num-wan]="万"
    [num-minus]="负"
    [cur-cny]="元"
    [cur-cny-jiao]="角"
    [cur-cny-fen]="分"
    [cur-usd]="美元"
    [cur-usd-minor]="美分"
    [date-month]="月"
    [date-day]="日"
)

for name in "${!en_ss[@]}"; do render en 175 "${en_ss[$name]}" "$out_dir/en/$name.wav"; done
for name in "${!zh_ss[@]}"; do render "$zh_voice" 175 "${zh_ss[$name]}" "$out_dir/zh/$name.wav"; done

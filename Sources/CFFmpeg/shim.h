#ifndef CUSTODY_CFFMPEG_SHIM_H
#define CUSTODY_CFFMPEG_SHIM_H

#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>

/// AV_NOPTS_VALUE is a cast macro that Swift cannot import.
static inline int64_t custody_av_nopts_value(void) { return AV_NOPTS_VALUE; }

/// AVERROR(e) and AVERROR_EOF are macros that Swift cannot import.
static inline int custody_averror(int e) { return AVERROR(e); }
static inline int custody_averror_eof(void) { return AVERROR_EOF; }
static inline int custody_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }
static inline int custody_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }

#endif

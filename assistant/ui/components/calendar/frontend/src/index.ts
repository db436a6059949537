// The plan page's calendar: FullCalendar v6 (MIT packages only) inside a Streamlit component iframe.
// No premium plugin (Scheduler, timeline, resources, adaptive...) is imported: they show a licence notice
// without a paid key, and tests/test_calendar_bundle.py fails the build if one slips in.
import { Calendar } from "@fullcalendar/core"
import type { CalendarOptions, EventApi, EventChangeArg, EventClickArg, EventInput, ViewApi } from "@fullcalendar/core"
import dayGridPlugin from "@fullcalendar/daygrid"
import interactionPlugin from "@fullcalendar/interaction"
import listPlugin from "@fullcalendar/list"
import timeGridPlugin from "@fullcalendar/timegrid"
// The framework-free half of streamlit-component-lib (its index also pulls in React).
import { Streamlit } from "streamlit-component-lib/dist/streamlit"
import type { RenderData } from "streamlit-component-lib/dist/streamlit"

type Callback = "eventClick" | "eventChange"

interface Args {
  events: EventInput[]
  options: CalendarOptions
  custom_css: string
  callbacks: Callback[]
}

interface ViewValue {
  type: string
  title: string
  activeStart: string
  activeEnd: string
  currentStart: string
  currentEnd: string
}

const root = document.getElementById("calendar") as HTMLElement
const customCss = document.getElementById("custom-css") as HTMLStyleElement
let calendar: Calendar | null = null
let shown = "" // the arguments the calendar was drawn with, to redraw only when they change

function viewValue(view: ViewApi): ViewValue {
  return {
    type: view.type,
    title: view.title,
    activeStart: view.activeStart.toISOString(),
    activeEnd: view.activeEnd.toISOString(),
    currentStart: view.currentStart.toISOString(),
    currentEnd: view.currentEnd.toISOString(),
  }
}

// The same payloads as streamlit-calendar's, so the Python side reads them unchanged.
function onEventClick(arg: EventClickArg): void {
  arg.jsEvent.preventDefault() // an event with a url must not navigate the iframe
  Streamlit.setComponentValue({
    callback: "eventClick",
    eventClick: { event: arg.event.toJSON(), view: viewValue(arg.view) },
  })
}

function onEventChange(arg: EventChangeArg): void {
  Streamlit.setComponentValue({
    callback: "eventChange",
    eventChange: {
      oldEvent: arg.oldEvent.toJSON(),
      event: arg.event.toJSON(),
      relatedEvents: arg.relatedEvents.map((related: EventApi) => related.toJSON()),
      ...(calendar && { view: viewValue(calendar.view) }),
    },
  })
}

// The iframe is as tall as the calendar: after each draw, view change and resize (fonts, "+2 more").
function fitFrame(): void {
  requestAnimationFrame(() => Streamlit.setFrameHeight()) // the body's height: it also shrinks
}

function draw(args: Args): void {
  const key = JSON.stringify(args)
  if (key === shown) return
  shown = key
  customCss.textContent = args.custom_css || ""
  const callbacks = args.callbacks || []
  // Redrawn with new events or options keeps the view and date the user was on.
  const keep: CalendarOptions = calendar
    ? { initialView: calendar.view.type, initialDate: calendar.getDate() }
    : {}
  calendar?.destroy()
  calendar = new Calendar(root, {
    ...args.options,
    ...keep,
    plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
    events: args.events || [],
    eventClick: callbacks.includes("eventClick") ? onEventClick : undefined,
    eventChange: callbacks.includes("eventChange") ? onEventChange : undefined,
    datesSet: fitFrame,
    eventsSet: fitFrame,
  })
  calendar.render()
  fitFrame()
}

Streamlit.events.addEventListener(Streamlit.RENDER_EVENT, (event: Event) => {
  draw((event as CustomEvent<RenderData>).detail.args as Args)
})
new ResizeObserver(fitFrame).observe(document.body)
Streamlit.setComponentReady()
